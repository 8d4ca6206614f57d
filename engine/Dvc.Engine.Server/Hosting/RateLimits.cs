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
/// portal's status page with the wait for pages.
/// </summary>
internal static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Tracking = "tracking";

    /// <summary>The <see cref="HttpContext.Items"/> key under which a throttled page request leaves its message.</summary>
    public const string ThrottledMessage = "Dvc.ThrottledMessage";

    public static IServiceCollection AddDvcRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignIn, http => PerAddress(http, o => o.SignInsPerAddressPerMinute, postsOnly: true));
            options.AddPolicy(Tracking, http => PerAddress(http, o => o.TrackingPerAddressPerMinute, postsOnly: true));
            options.OnRejected = (context, _) => RejectAsync(context.HttpContext, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromMinutes(1));
        });
        return services;
    }

    /// <summary>Answers a throttled request.</summary>
    private static async ValueTask RejectAsync(HttpContext http, TimeSpan retryAfter)
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

        // A page answers with the portal's status page (re-executed on the empty 429), which shows this message.
        http.Items[ThrottledMessage] = message;
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
