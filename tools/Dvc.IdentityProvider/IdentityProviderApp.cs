using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Dvc.IdentityProvider;

/// <summary>
/// A small OpenID Connect provider standing in for VNeID / the national public-service portal's single sign-on:
/// authorization code flow with PKCE required, RS256-signed ID tokens carrying the citizen's verified data, a
/// sign-in page listing the configured people (and a "refuse" button), and sign-out. Runs on loopback for
/// Development and tests; its keys are ephemeral and its store is an in-memory SQLite database, so nothing survives
/// a restart.
/// </summary>
public static class IdentityProviderApp
{
    /// <summary>Starts the provider on <paramref name="url"/> (port 0 picks a free one) and returns its address.</summary>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(string url, Action<IdentityProviderOptions>? configure = null, TimeProvider? clock = null)
    {
        var options = new IdentityProviderOptions();
        configure?.Invoke(options);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(clock ?? TimeProvider.System);

        // One open connection keeps the in-memory database alive for the provider's lifetime.
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        builder.Services.AddDbContext<ProviderDbContext>(db => db.UseSqlite(connection).UseOpenIddict());
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "vneid.session";
                cookie.ExpireTimeSpan = TimeSpan.FromHours(1);
            });
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<ProviderDbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(ProviderEndpoints.Authorize)
                    .SetTokenEndpointUris(ProviderEndpoints.Token)
                    .SetEndSessionEndpointUris(ProviderEndpoints.EndSession);
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                // S256 only: a "plain" challenge is the verifier itself and protects nothing.
                server.Configure(o =>
                {
                    o.CodeChallengeMethods.Clear();
                    o.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
                });
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Phone, Scopes.Address, ProviderClaims.CitizenScope);
                server.RegisterClaims(Claims.Subject, Claims.Name, Claims.Birthdate, Claims.Gender, Claims.PhoneNumber, Claims.Email, Claims.Address, ProviderClaims.CitizenId);
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                server.DisableAccessTokenEncryption();
                server.SetIdentityTokenLifetime(options.IdentityTokenLifetime);
                server.SetAuthorizationCodeLifetime(options.AuthorizationCodeLifetime);
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });

        var app = builder.Build();
        app.UseAuthentication();
        ProviderEndpoints.Map(app);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderDbContext>().Database.EnsureCreatedAsync();
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            foreach (var client in options.Clients)
            {
                await applications.CreateAsync(Describe(client));
            }
        }

        app.Lifetime.ApplicationStopped.Register(connection.Dispose);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal)));
    }

    private static OpenIddictApplicationDescriptor Describe(ProviderClient client)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = client.ClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = client.DisplayName,
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Email,
                Permissions.Scopes.Phone,
                Permissions.Scopes.Address,
                Permissions.Prefixes.Scope + ProviderClaims.CitizenScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in client.RedirectUris)
        {
            descriptor.RedirectUris.Add(uri);
        }

        foreach (var uri in client.PostLogoutRedirectUris)
        {
            descriptor.PostLogoutRedirectUris.Add(uri);
        }

        return descriptor;
    }
}
