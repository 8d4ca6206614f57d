using Dvc.Engine.Server.Errors;
using Dvc.Engine.Server.Localization;
using Microsoft.Net.Http.Headers;

namespace Dvc.Engine.Server.Hosting;

/// <summary>
/// The API is authenticated by the portal's cookie, so a page on another site could make the browser post to it
/// with that cookie. SameSite=Lax stops most of that; this stops the rest (older browsers, sibling sub-domains,
/// bodiless actions such as confirming a payment, which no JSON binding refuses): an unsafe API request that a
/// browser marks as coming from another origin (<c>Origin</c>, <c>Sec-Fetch-Site</c>) is refused with 403, and one
/// that carries a body an HTML form can send (urlencoded, multipart, text/plain) with 415. Clients that are not
/// browsers send neither header and are unaffected.
/// </summary>
internal static class CrossSiteRequestGuard
{
    private static readonly string[] FormTypes = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];

    public static IApplicationBuilder UseCrossSiteRequestGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            await next(context);
            return;
        }

        if (FromAnotherOrigin(request))
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "problem.crossSite");
            return;
        }

        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && FormTypes.Contains(type.MediaType.Value, StringComparer.OrdinalIgnoreCase))
        {
            await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, "problem.unsupportedMediaType");
            return;
        }

        await next(context);
    });

    /// <summary>
    /// True when the browser says the request was made by a page of another origin. The origin's host and port are
    /// compared with the request's (the scheme may differ behind a TLS-terminating proxy).
    /// </summary>
    private static bool FromAnotherOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not "same-origin" and not "none")
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        if (origin == "null" || !Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return true;
        }

        var host = request.Host;
        var requestPort = host.Port ?? (request.IsHttps ? 443 : 80);
        return !string.Equals(uri.Host, host.Host, StringComparison.OrdinalIgnoreCase)
            || (uri.Port != requestPort && !(uri.IsDefaultPort && host.Port is null));
    }

    private static async Task RefuseAsync(HttpContext context, int status, string titleKey)
    {
        context.Response.StatusCode = status;
        var text = context.RequestServices.GetRequiredService<PortalText>();
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = status,
                Title = text[titleKey],
                Type = status == StatusCodes.Status403Forbidden ? ProblemTypes.Forbidden : ProblemTypes.BadRequest,
            },
        });
    }
}
