using System.Diagnostics;
using Dvc.Engine.Server.Localization;
using Microsoft.AspNetCore.Diagnostics;

namespace Dvc.Engine.Server.Errors;

/// <summary>
/// Anything not answered as a domain error becomes a 500 problem without a stack trace; the trace id in the
/// response is the one in the log, so support can find it.
/// </summary>
internal sealed partial class UnhandledExceptionHandler(IProblemDetailsService problems, PortalText text, ILogger<UnhandledExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        if (exception is BadHttpRequestException bad)
        {
            // A malformed body or parameter (thrown in Development, answered silently elsewhere): the client's fault.
            httpContext.Response.StatusCode = bad.StatusCode;
            var detail = Explain(bad);
            // A member that cannot be read (wrong type, text that is not valid UTF-8 or UTF-16) is a field error
            // under its pointer, like every other field error, so a client can show it next to the field.
            var problem = bad.InnerException is System.Text.Json.JsonException { Path: { Length: > 1 } path }
                ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [Endpoints.JsonText.ToPointer(path)] = [detail] })
                : new Microsoft.AspNetCore.Mvc.ProblemDetails();
            problem.Type = ProblemTypes.BadRequest;
            problem.Status = bad.StatusCode;
            // A body over the server's limit (Kestrel's 413) is named as such, not as a malformed request.
            problem.Title = text[bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "problem.tooLarge" : "problem.badRequest"];
            problem.Detail = detail;
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
        }

        var traceId = Activity.Current?.Id ?? httpContext.TraceIdentifier;
        LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path, traceId);

        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status500InternalServerError,
                Type = ProblemTypes.Unexpected,
                Title = text["problem.unexpected"],
            },
        });
    }

    /// <summary>
    /// The framework's own message names C# types and suggests services ("Did you mean to use a Service
    /// instead?"); the client gets what went wrong in its words, with the JSON path when the reader knows it.
    /// </summary>
    private string Explain(BadHttpRequestException bad)
    {
        if (bad.InnerException is System.Text.Json.JsonException json)
        {
            // "$" is the whole body (a syntax error before any member): naming it helps nobody.
            return string.IsNullOrEmpty(json.Path) || json.Path == "$" ? text["problem.badJsonBody"] : text.Format("problem.badJson", json.Path);
        }

        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return text["problem.unsupportedMediaType"];
        }

        if (bad.Message.Contains("no body was provided", StringComparison.Ordinal))
        {
            return text["problem.missingBody"];
        }

        var parameter = ParameterName().Match(bad.Message);
        return parameter.Success ? text.Format("problem.badParameter", parameter.Groups[1].Value) : text["problem.badRequest"];
    }

    // "Failed to bind parameter "Nullable<DateOnly> dueBefore" from "x"." → dueBefore
    [System.Text.RegularExpressions.GeneratedRegex("""parameter "(?:[^"]* )?([A-Za-z_][A-Za-z0-9_]*)" from""")]
    private static partial System.Text.RegularExpressions.Regex ParameterName();

    [LoggerMessage(EventId = 5000, Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path} (trace {TraceId})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path, string traceId);
}
