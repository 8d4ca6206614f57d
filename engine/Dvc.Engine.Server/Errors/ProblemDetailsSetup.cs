using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace Dvc.Engine.Server.Errors;

/// <summary>The one place that shapes every problem response: trace id, instance and a stable type.</summary>
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
        if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org", StringComparison.Ordinal))
        {
            problem.Type = problem.Status switch
            {
                StatusCodes.Status400BadRequest => problem is HttpValidationProblemDetails ? ProblemTypes.Validation : ProblemTypes.BadRequest,
                StatusCodes.Status401Unauthorized => ProblemTypes.Unauthorized,
                StatusCodes.Status403Forbidden => ProblemTypes.Forbidden,
                StatusCodes.Status404NotFound => ProblemTypes.NotFound,
                StatusCodes.Status409Conflict => ProblemTypes.Conflict,
                StatusCodes.Status422UnprocessableEntity => ProblemTypes.NotEligible,
                _ => ProblemTypes.Unexpected,
            };
        }

        // Keep the exception detail out of the response even when a developer page would have shown it.
        if (http.Features.Get<IExceptionHandlerFeature>() is not null && problem.Status == StatusCodes.Status500InternalServerError)
        {
            problem.Detail = null;
        }
    }
}
