using System.Diagnostics;
using Dvc.Engine.Server.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace Dvc.Engine.Server.Errors;

/// <summary>The one place that shapes every problem response: trace id, instance, a stable type and a localized title.</summary>
internal static class ProblemDetailsSetup
{
    public static IServiceCollection AddDvcProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = Customize);
        services.AddExceptionHandler<UnhandledExceptionHandler>();
        return services;
    }

    private static void Customize(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
        problem.Instance ??= http.Request.Path;
        // Our own problems always carry one of ProblemTypes; a missing or RFC type means the framework wrote it.
        var fromFramework = problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org", StringComparison.Ordinal);
        if (fromFramework)
        {
            problem.Type = problem.Status switch
            {
                StatusCodes.Status400BadRequest => problem is HttpValidationProblemDetails ? ProblemTypes.Validation : ProblemTypes.BadRequest,
                StatusCodes.Status401Unauthorized => ProblemTypes.Unauthorized,
                StatusCodes.Status403Forbidden => ProblemTypes.Forbidden,
                StatusCodes.Status404NotFound => ProblemTypes.NotFound,
                StatusCodes.Status409Conflict => ProblemTypes.Conflict,
                StatusCodes.Status422UnprocessableEntity => ProblemTypes.NotEligible,
                StatusCodes.Status429TooManyRequests => ProblemTypes.TooManyRequests,
                >= 400 and < 500 => ProblemTypes.BadRequest,
                _ => ProblemTypes.Unexpected,
            };
        }

        // Bare status codes (an unknown route, a wrong method or content type) arrive with the framework's English
        // reason phrase; the client reads the portal's words in its language instead.
        if (problem.Status is { } status && (fromFramework || string.IsNullOrEmpty(problem.Title) || problem.Title == ReasonPhrases.GetReasonPhrase(status))
            && http.RequestServices.GetService<PortalText>() is { } text && TitleKey(status) is { } key)
        {
            problem.Title = text[key];
        }

        // Keep the exception detail out of the response even when a developer page would have shown it.
        if (http.Features.Get<IExceptionHandlerFeature>() is not null && problem.Status == StatusCodes.Status500InternalServerError)
        {
            problem.Detail = null;
        }
    }

    private static string? TitleKey(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "problem.badRequest",
        StatusCodes.Status401Unauthorized => "problem.unauthorized",
        StatusCodes.Status403Forbidden => "problem.forbidden",
        StatusCodes.Status404NotFound => "problem.notFound",
        StatusCodes.Status405MethodNotAllowed => "problem.methodNotAllowed",
        StatusCodes.Status409Conflict => "problem.conflict",
        StatusCodes.Status413PayloadTooLarge => "problem.tooLarge",
        StatusCodes.Status415UnsupportedMediaType => "problem.unsupportedMediaType",
        StatusCodes.Status429TooManyRequests => "problem.tooMany",
        StatusCodes.Status500InternalServerError => "problem.unexpected",
        _ => null,
    };
}
