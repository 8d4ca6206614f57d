using System.Globalization;
using System.Threading.RateLimiting;
using Dvc.Engine.Server.Errors;
using Dvc.Engine.Server.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dvc.Engine.Server.Hosting;

/// <summary>
/// ASP.NET Core rate limiting for what is worth trying in bulk: signing in and registering, and anonymous dossier
/// tracking (per client address; posts only, the look-ups themselves). A refusal is 429 with Retry-After: a problem for the API, the
/// portal's own message for pages.
/// </summary>
internal static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Tracking = "tracking";

    public static IServiceCollection AddDvcRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignIn, http => PerAddress(http, o => o.SignInsPerAddressPerMinute, postsOnly: true));
            options.AddPolicy(Tracking, http => PerAddress(http, o => o.TrackingPerAddressPerMinute, postsOnly: true));
            options.OnRejected = (context, ct) => RejectAsync(context.HttpContext, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromMinutes(1), ct);
        });
        return services;
    }

    /// <summary>Answers a throttled request (also used by the per-account sign-in throttle).</summary>
    public static async ValueTask RejectAsync(HttpContext http, TimeSpan retryAfter, CancellationToken ct)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var text = http.RequestServices.GetRequiredService<PortalText>();
        var message = text.Format("problem.tooManyDetail", Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes)));
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Type = ProblemTypes.TooManyRequests, Title = text["problem.tooMany"], Detail = message },
            });
            return;
        }

        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(message, ct);
    }

    private static RateLimitPartition<string> PerAddress(HttpContext http, Func<ThrottlingOptions, int> limit, bool postsOnly)
    {
        if (postsOnly && !HttpMethods.IsPost(http.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var permits = limit(http.RequestServices.GetRequiredService<IOptions<ThrottlingOptions>>().Value);
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetSlidingWindowLimiter(address, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        });
    }
}
