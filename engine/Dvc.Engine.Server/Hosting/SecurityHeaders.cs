namespace Dvc.Engine.Server.Hosting;

/// <summary>
/// Headers every answer carries, set as the response starts so error pages and problems get them too: no MIME
/// sniffing, no framing anywhere (clickjacking), no referrer to other sites (URLs hold dossier codes), and for the
/// portal's pages a content security policy that allows only the server's own scripts, styles and images. The one
/// exception is the designer's live preview, a portal form page the designer shows in an iframe: it may be framed by
/// this origin only.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>The portal's pages: nothing inline, nothing from elsewhere, forms post only here.</summary>
    public const string PortalPolicy = PageSources + "frame-ancestors 'none'";

    /// <summary>The designer's preview: the portal's policy, framed by the designer on this origin.</summary>
    public const string PreviewPolicy = PageSources + "frame-ancestors 'self'";

    private const string PageSources =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; ";

    /// <summary>Everything else (API answers, the API reference, the designer): at least never framed.</summary>
    public const string FramingPolicy = "frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var path = context.Request.Path;
            var preview = path.StartsWithSegments("/designer/preview");
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = preview ? "SAMEORIGIN" : "DENY";
            headers["Referrer-Policy"] = "same-origin";
            var portalPage = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
                && !path.StartsWithSegments("/scalar") && !path.StartsWithSegments("/designer");
            headers.ContentSecurityPolicy = preview ? PreviewPolicy : portalPage ? PortalPolicy : FramingPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    });
}
