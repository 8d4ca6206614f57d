using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace Dvc.Engine.Server.NationalIdentity;

/// <summary>
/// The OpenID Connect client for the national identity: code flow with PKCE, claims kept under their token names,
/// the ID token kept with the session for signing out at the provider, and every failed return (refused, expired,
/// broken) turned into a message on the sign-in page instead of an exception page.
/// </summary>
internal static partial class NationalIdentitySetup
{
    /// <summary>The session remembers its ID token under this name, for the provider's sign-out.</summary>
    public const string IdTokenHint = "dvc:id_token_hint";

    /// <summary>The person's data: profile, e-mail, phone, address, and the personal identification number ("citizen").</summary>
    private static readonly string[] Scopes = ["openid", "profile", "email", "phone", "address", "citizen"];

    public static IServiceCollection AddNationalIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NationalIdentityOptions>().BindConfiguration(NationalIdentityOptions.Section);
        services.AddScoped<IdentityLinking>();
        services.AddScoped<VerifiedFields>();
        var options = configuration.GetSection(NationalIdentityOptions.Section).Get<NationalIdentityOptions>() ?? new();

        // A session signed in with the national identity stays one when Identity refreshes the cookie's principal.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            foreach (var method in context.CurrentPrincipal?.FindAll(ClaimTypes.AuthenticationMethod) ?? [])
            {
                (context.NewPrincipal?.Identity as ClaimsIdentity)?.AddClaim(new Claim(method.Type, method.Value));
            }

            return Task.CompletedTask;
        });

        if (!options.Enabled)
        {
            return services;
        }

        // The citizen may take a while to choose how to link a first sign-in (or to open the e-mail link).
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o => o.ExpireTimeSpan = TimeSpan.FromMinutes(options.LinkingMinutes));
        services.AddAuthentication().AddOpenIdConnect(NationalIdentityOptions.Scheme, options.DisplayName, oidc =>
        {
            oidc.SignInScheme = IdentityConstants.ExternalScheme;
            oidc.Authority = options.Authority;
            oidc.ClientId = options.ClientId;
            oidc.ClientSecret = options.ClientSecret;
            oidc.RequireHttpsMetadata = options.RequireHttpsMetadata;
            oidc.ResponseType = "code";
            // The code comes back on the redirect itself (a top-level GET), not in a self-posting form: no script
            // needed, and the browser sends the portal's SameSite=Lax cookies with it.
            oidc.ResponseMode = "query";
            oidc.UsePkce = true;
            oidc.Scope.Clear();
            foreach (var scope in Scopes)
            {
                oidc.Scope.Add(scope);
            }

            // The person is in the ID token, under the names forms use (x-ui.prefill); no renaming, no userinfo call.
            oidc.MapInboundClaims = false;
            oidc.GetClaimsFromUserInfoEndpoint = false;
            oidc.TokenValidationParameters.NameClaimType = "name";
            oidc.SaveTokens = true;
            oidc.CallbackPath = "/signin-oidc";
            oidc.SignedOutCallbackPath = "/signout-callback-oidc";
            oidc.Events.OnTokenValidated = context =>
            {
                // Identity's external login is keyed by NameIdentifier; the provider's subject is that key.
                if (context.Principal?.Identity is ClaimsIdentity identity && identity.FindFirst("sub") is { } subject)
                {
                    identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, subject.Value));
                }

                return Task.CompletedTask;
            };
            oidc.Events.OnAccessDenied = context =>
            {
                context.Response.Redirect(LoginPage("refused", context.Properties));
                context.HandleResponse();
                return Task.CompletedTask;
            };
            oidc.Events.OnRemoteFailure = context =>
            {
                var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(NationalIdentitySetup));
                LogFailed(logger, context.Failure);
                context.Response.Redirect(LoginPage(Reason(context.Failure), context.Properties));
                context.HandleResponse();
                return Task.CompletedTask;
            };
            oidc.Events.OnRedirectToIdentityProviderForSignOut = context =>
            {
                if (context.Properties.Items.TryGetValue(IdTokenHint, out var hint) && !string.IsNullOrEmpty(hint))
                {
                    context.ProtocolMessage.IdTokenHint = hint;
                }

                return Task.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>Why a return from the provider failed, as the sign-in page words it.</summary>
    internal static string Reason(Exception? failure) => failure switch
    {
        _ when failure?.Message.Contains("access_denied", StringComparison.Ordinal) == true => "refused",
        SecurityTokenExpiredException or SecurityTokenNotYetValidException => "expired",
        _ when failure?.InnerException is SecurityTokenExpiredException => "expired",
        // The correlation and nonce cookies live 15 minutes: a sign-in left open longer comes back without them.
        _ when failure?.Message.Contains("Correlation failed", StringComparison.Ordinal) == true
            || failure?.Message.Contains("nonce", StringComparison.OrdinalIgnoreCase) == true
            || failure?.Message.Contains("message.State", StringComparison.Ordinal) == true => "expired",
        _ => "failed",
    };

    private static string LoginPage(string reason, AuthenticationProperties? properties)
    {
        // The challenge went to /account/external?returnUrl=…; keep where the citizen was going.
        var returnUrl = properties?.RedirectUri is { } redirect && redirect.Contains('?', StringComparison.Ordinal)
            && QueryHelpers.ParseQuery(redirect[redirect.IndexOf('?', StringComparison.Ordinal)..]).TryGetValue("returnUrl", out var target)
            ? target.ToString()
            : null;
        var query = new Dictionary<string, string?> { ["external"] = reason };
        if (!string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal))
        {
            query["returnUrl"] = returnUrl;
        }

        return QueryHelpers.AddQueryString("/account/login", query);
    }

    [LoggerMessage(EventId = 1400, Level = LogLevel.Warning, Message = "Sign-in with the national identity failed")]
    private static partial void LogFailed(ILogger logger, Exception? failure);
}
