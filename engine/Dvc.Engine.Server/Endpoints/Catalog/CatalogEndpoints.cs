using Dvc.Engine.Server.Catalog;
using Dvc.Engine.Server.Dossiers;
using Dvc.Engine.Server.Errors;
using Dvc.Engine.Server.Forms;
using Dvc.Engine.Server.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dvc.Engine.Server.Endpoints.Catalog;

/// <summary>The public procedure catalog: anyone may read it.</summary>
internal static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/procedures").WithTags("Catalog").AllowAnonymous();
        group.MapGet("/", List).WithName("ListProcedures").WithSummary("Search the catalog by name, agency and administrative level.");
        group.MapGet("/{code}", Get).WithName("GetProcedure").WithSummary("The current version of a procedure with its form schema.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{code}/assessments", Assess).WithName("AssessSubmission")
            .WithSummary("Check a submission without filing it: field errors, eligibility with reasons, else the fee and the documents to attach.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{code}/versions", Versions).WithName("ListProcedureVersions").WithSummary("Every stored version of a procedure and its open dossiers.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static Ok<ProcedureListItemDto[]> List(ProcedureCatalog catalog, string? q, string? agency, string? level) =>
        TypedResults.Ok(catalog.Search(new CatalogQuery(q, agency, level)).Select(ToDto).ToArray());

    private static Results<Ok<ProcedureDto>, ProblemHttpResult> Get(string code, ProcedureCatalog catalog, PortalText text)
    {
        if (catalog.Find(code) is not { } p)
        {
            return ApiProblems.NotFound(text, code);
        }

        return TypedResults.Ok(new ProcedureDto(
            ToDto(p.Summary),
            ToDto(p.Description),
            ToDto(p.FeeDescription),
            [.. p.Attachments.Select(a => new AttachmentRequirementDto(a.Id, ToDto(a.Name), a.Required, a.AcceptedTypes, a.MaxSizeMb))],
            p.ResultDelivery,
            p.LegalBasis,
            p.FormSchema));
    }

    private static async Task<Results<Ok<ProcedureVersionDto[]>, ProblemHttpResult>> Versions(string code, ProcedureCatalog catalog, PortalText text, CancellationToken ct)
    {
        var versions = await catalog.ListVersionsAsync(code, ct);
        return versions.Count == 0 ? ApiProblems.NotFound(text, code) : TypedResults.Ok(versions.ToArray());
    }

    private static Results<Ok<AssessmentDto>, ValidationProblem, ProblemHttpResult> Assess(string code, AssessmentRequest request, DossierService dossiers, PortalText text) =>
        dossiers.Assess(code, request.Data, PortalCultures.Current) switch
        {
            SubmitOutcome.Assessed a => TypedResults.Ok(new AssessmentDto(
                true,
                a.Assessment.Fee,
                [.. a.Assessment.FeeLines.Select(l => new Dossiers.FeeLineDto(l.Label, l.Amount))],
                [.. a.Assessment.Documents.Select(d => new DocumentDto(d.AttachmentId, d.Name, d.Note))])),
            SubmitOutcome.Invalid i => ApiProblems.Validation(i.Errors, text),
            SubmitOutcome.NotEligible n => ApiProblems.NotEligible(n.Failures, text),
            SubmitOutcome.RulesRefused => ApiProblems.RulesRefused(text),
            _ => ApiProblems.NotFound(text, code),
        };

    internal static TextDto ToDto(LocalizedString text) => new(text.Vi, text.En);

    internal static ProcedureListItemDto ToDto(ProcedureSummary s) =>
        new(s.Code, s.Version, ToDto(s.Name), s.AgencyCode, ToDto(s.AgencyName), s.AdministrativeLevel, s.ServiceLevel, s.ProcessingDays);
}
