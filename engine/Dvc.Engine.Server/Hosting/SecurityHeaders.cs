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
    /// <summary>
    /// The portal's pages: nothing inline, nothing from elsewhere, forms post only here — and to the national identity
    /// provider, because browsers apply <c>form-action</c> to the redirect after a post too (the login page's VNeID
    /// button posts here and is redirected there). <paramref name="framing"/>: who may frame the page.
    /// </summary>
    public static string PagePolicy(string? identityProvider, string framing) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        $"object-src 'none'; base-uri 'self'; form-action 'self'{(identityProvider is null ? "" : " " + identityProvider)}; frame-ancestors {framing}";

    /// <summary>Everything else (API answers, the API reference, the designer): at least never framed.</summary>
    public const string FramingPolicy = "frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var identity = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<NationalIdentity.NationalIdentityOptions>>().Value;
        var provider = identity.Enabled && Uri.TryCreate(identity.Authority, UriKind.Absolute, out var authority)
            ? authority.GetLeftPart(UriPartial.Authority)
            : null;
        var portalPolicy = PagePolicy(provider, "'none'");
        // The designer's preview: the portal's policy, framed by the designer on this origin.
        var previewPolicy = PagePolicy(provider, "'self'");
        return app.Use((context, next) =>
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
                headers.ContentSecurityPolicy = preview ? previewPolicy : portalPage ? portalPolicy : FramingPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
