using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Dvc.IdentityProvider;

/// <summary>The provider's pages: authorize (sign-in page, consent given by choosing a person), end session, home.</summary>
internal static class ProviderEndpoints
{
    public const string Authorize = "connect/authorize";
    public const string Token = "connect/token";
    public const string EndSession = "connect/logout";

    public static void Map(WebApplication app)
    {
        app.MapMethods("/" + Authorize, [HttpMethods.Get, HttpMethods.Post], (Delegate)AuthorizeAsync);
        app.MapMethods("/" + EndSession, [HttpMethods.Get, HttpMethods.Post], (Delegate)EndSessionAsync);
        app.MapGet("/", () => Results.Content(SignInPage.Home(), "text/html; charset=utf-8"));
    }

    /// <summary>
    /// Shows the sign-in page until the person picks who they are (or refuses); the page posts back here with the
    /// client's request in hidden fields. A person already signed in at the provider gets a code at once, unless the
    /// client asked for <c>prompt=login</c>.
    /// </summary>
    private static async Task<IResult> AuthorizeAsync(HttpContext http, IdentityProviderOptions options)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;

        if (form?["choice"].ToString() == "refuse")
        {
            return Results.Forbid(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The citizen refused to share their identity.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        CitizenIdentity? citizen = null;
        if (form?["choice"] is { Count: 1 } chosen)
        {
            citizen = options.Citizens.FirstOrDefault(c => c.Subject == chosen.ToString());
            if (citizen is not null)
            {
                var session = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme);
                session.AddClaim(new Claim(Claims.Subject, citizen.Subject));
                await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(session));
            }
        }
        else if (!request.HasPromptValue(PromptValues.Login)
            && (await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme)).Principal?.FindFirst(Claims.Subject)?.Value is { } subject)
        {
            citizen = options.Citizens.FirstOrDefault(c => c.Subject == subject);
        }

        if (citizen is null)
        {
            return Results.Content(SignInPage.Render(request, options.Citizens), "text/html; charset=utf-8");
        }

        var identity = ProviderClaims.For(citizen, request.GetScopes(), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>Ends the provider session and returns to the client's registered post-logout address.</summary>
    private static async Task<IResult> EndSessionAsync(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
