using Microsoft.AspNetCore.Localization;

namespace Dvc.Engine.Server.Localization;

/// <summary><c>GET /culture/{culture}?returnUrl=</c>: the portal's language switch, stored in the culture cookie.</summary>
internal static class CultureSwitch
{
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            var chosen = PortalCultures.Supported.Contains(culture) ? culture : PortalCultures.Vietnamese;
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                PortalCultures.CookieValue(chosen),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// The rule LocalRedirect enforces: "/x" but not "//host" or "/\host" (browsers read both as another site).
    /// Checking less let "/\evil" through to LocalRedirect, which threw: a 500 instead of a redirect home.
    /// </summary>
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl);
}
