using Dvc.Engine.Server.Dossiers;
using Dvc.Engine.Server.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dvc.Engine.Server.Errors;

/// <summary>The API's problem responses, built one way so every endpoint answers the same shapes.</summary>
internal static class ApiProblems
{
    public static ValidationProblem Validation(IReadOnlyDictionary<string, string[]> errors, PortalText text) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(e => e.Key, e => e.Value),
            title: text["problem.validation"],
            type: ProblemTypes.Validation);

    public static ProblemHttpResult NotEligible(IReadOnlyList<RuleFailure> failures, PortalText text) =>
        TypedResults.Problem(
            title: text["problem.notEligible"],
            statusCode: StatusCodes.Status422UnprocessableEntity,
            type: ProblemTypes.NotEligible,
            extensions: new Dictionary<string, object?>
            {
                ["reasons"] = failures.Select(f => new { rule = f.Rule, reason = f.Reason }).ToArray(),
            });

    /// <summary>The procedure's rules ran past their budget: 422, since the same submission would be refused again.</summary>
    public static ProblemHttpResult RulesRefused(PortalText text) =>
        TypedResults.Problem(
            title: text["problem.rulesRefused"],
            detail: text["problem.rulesRefusedDetail"],
            statusCode: StatusCodes.Status422UnprocessableEntity,
            type: ProblemTypes.RulesRefused);

    public static ProblemHttpResult NotFound(PortalText text, string? detail = null) =>
        TypedResults.Problem(title: text["problem.notFound"], detail: detail, statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound);

    public static ProblemHttpResult Conflict(string detail, PortalText text) =>
        TypedResults.Problem(title: text["problem.conflict"], detail: detail, statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict);
}
