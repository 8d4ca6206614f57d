using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace Dvc.Engine.Server.Errors;

/// <summary>
/// Anything not answered as a domain error becomes a 500 problem without a stack trace; the trace id in the
/// response is the one in the log, so support can find it.
/// </summary>
internal sealed partial class UnhandledExceptionHandler(IProblemDetailsService problems, ILogger<UnhandledExceptionHandler> logger)
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
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails =
                {
                    Status = bad.StatusCode,
                    Type = ProblemTypes.BadRequest,
                    Title = "Yêu cầu không hợp lệ / The request is malformed",
                    Detail = bad.Message,
                },
            });
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
                Title = "Đã xảy ra lỗi không mong muốn / An unexpected error occurred",
            },
        });
    }

    [LoggerMessage(EventId = 5000, Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path} (trace {TraceId})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path, string traceId);
}
