using Dvc.Engine.Persistence;
using Dvc.Engine.Persistence.Identity;
using Dvc.Engine.Server.Errors;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Dvc.Engine.Server.Accounts;

/// <summary>
/// Identity on the engine's database, one cookie for pages and API, and the policies both use. API requests get
/// 401/403 problem responses where pages get redirects.
/// </summary>
internal static class AccountsSetup
{
    public static IServiceCollection AddDvcAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<DvcUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<DvcDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<PortalIdentityErrors>()
            .AddClaimsPrincipalFactory<DvcClaimsPrincipalFactory>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "dvc.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/denied";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.Events.OnRedirectToLogin = context => ApiAwareAsync(context, StatusCodes.Status401Unauthorized, "problem.unauthorized");
            options.Events.OnRedirectToAccessDenied = context => ApiAwareAsync(context, StatusCodes.Status403Forbidden, "problem.forbidden");
        });

        var oidc = configuration.GetSection(OpenIdConnectLoginOptions.Section).Get<OpenIdConnectLoginOptions>() ?? new();
        services.AddOptions<OpenIdConnectLoginOptions>().BindConfiguration(OpenIdConnectLoginOptions.Section);
        if (oidc.Enabled)
        {
            services.AddAuthentication().AddOpenIdConnect(OpenIdConnectLoginOptions.Scheme, oidc.DisplayName, options =>
            {
                options.SignInScheme = IdentityConstants.ExternalScheme;
                options.Authority = oidc.Authority;
                options.ClientId = oidc.ClientId;
                options.ClientSecret = oidc.ClientSecret;
                options.ResponseType = "code";
                options.UsePkce = true;
                options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                options.Scope.Add("email");
                options.Scope.Add("profile");
                options.GetClaimsFromUserInfoEndpoint = true;
                options.CallbackPath = "/signin-oidc";
            });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(DvcPolicies.SignedIn, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(DvcPolicies.Staff, policy => policy.RequireRole(DvcRoles.Officer, DvcRoles.AgencyAdmin, DvcRoles.SystemAdmin))
            .AddPolicy(DvcPolicies.AgencyAdmin, policy => policy.RequireRole(DvcRoles.AgencyAdmin, DvcRoles.SystemAdmin))
            .AddPolicy(DvcPolicies.SystemAdmin, policy => policy.RequireRole(DvcRoles.SystemAdmin));

        services.AddScoped<AccountService>();
        services.AddScoped<PasswordLinks>();
        return services;
    }

    private static async Task ApiAwareAsync(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status, string titleKey)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Redirect(context.RedirectUri);
            return;
        }

        context.Response.StatusCode = status;
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = context.HttpContext.RequestServices.GetRequiredService<Localization.PortalText>()[titleKey],
                Type = status == StatusCodes.Status401Unauthorized ? ProblemTypes.Unauthorized : ProblemTypes.Forbidden,
            },
        });
    }
}
