using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dvc.Engine.Server.Tests.NationalIdentity;

/// <summary>
/// The stand-in national identity provider speaks OpenID Connect as a relying party expects: code flow only with
/// S256 PKCE, single-use codes, ID tokens signed with the keys it publishes, lasting the configured time.
/// </summary>
public sealed class IdentityProviderProtocolTests : IAsyncLifetime
{
    private const string RedirectUri = "http://localhost/signin-oidc";

    private IdentityProviderPeer _provider = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _provider = await IdentityProviderPeer.StartAsync();
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _provider.Address };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task An_authorization_request_without_a_code_challenge_is_refused()
    {
        var response = await AuthorizeAsync(challenge: null, method: null);

        await AssertRefusedAsync(response, "code_challenge");
    }

    [Fact]
    public async Task A_plain_code_challenge_is_refused_because_it_protects_nothing()
    {
        var response = await AuthorizeAsync(challenge: "a-plain-verifier-that-is-long-enough-0123456789", method: "plain");

        await AssertRefusedAsync(response, "code_challenge_method");
    }

    [Fact]
    public async Task A_code_is_redeemed_only_with_its_verifier_and_only_once()
    {
        var verifier = Verifier();
        var wrongCode = await CodeAsync(Verifier());
        var code = await CodeAsync(verifier);

        var wrong = await RedeemAsync(wrongCode, verifier);
        var first = await RedeemAsync(code, verifier);
        var again = await RedeemAsync(code, verifier);

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("invalid_grant", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task The_ID_token_is_signed_with_the_published_keys_carries_the_citizen_and_expires_as_configured()
    {
        var verifier = Verifier();
        var tokens = JsonNode.Parse(await (await RedeemAsync(await CodeAsync(verifier, "vneid-binh"), verifier)).Content.ReadAsStringAsync())!;
        var idToken = tokens["id_token"]!.GetValue<string>();
        var keys = new JsonWebKeySet(await _http.GetStringAsync(".well-known/jwks"));
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = _provider.Address.ToString(),
            ValidAudience = IdentityProviderPeer.ClientId,
            IssuerSigningKeys = keys.GetSigningKeys(),
        };
        var handler = new JsonWebTokenHandler();

        var valid = await handler.ValidateTokenAsync(idToken, parameters);
        var tampered = await handler.ValidateTokenAsync(Tamper(idToken), parameters);

        Assert.True(valid.IsValid, valid.Exception?.Message);
        var token = (JsonWebToken)valid.SecurityToken;
        Assert.Equal("RS256", token.Alg);
        Assert.Equal("001195006789", token.GetClaim("citizen_id").Value);
        Assert.Equal("Trần Thị Bình", token.GetClaim("name").Value);
        Assert.Equal("1995-08-20", token.GetClaim("birthdate").Value);
        Assert.Equal("female", token.GetClaim("gender").Value);
        Assert.Equal("0987654321", token.GetClaim("phone_number").Value);
        Assert.Contains("Phường Ba Đình", token.GetClaim("address").Value, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(10), token.ValidTo - token.IssuedAt);
        Assert.False(tampered.IsValid);
        Assert.IsType<SecurityTokenInvalidSignatureException>(tampered.Exception);
    }

    private async Task<string> CodeAsync(string verifier, string subject = "vneid-an")
    {
        var response = await AuthorizeAsync(Challenge(verifier), "S256", subject);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.True(query.ContainsKey("code"), response.Headers.Location.ToString());
        return query["code"].ToString();
    }

    /// <summary>The authorize request as the sign-in page posts it back, with the chosen person (or none).</summary>
    private async Task<HttpResponseMessage> AuthorizeAsync(string? challenge, string? method, string subject = "vneid-an")
    {
        var form = new Dictionary<string, string>
        {
            ["client_id"] = IdentityProviderPeer.ClientId,
            ["redirect_uri"] = RedirectUri,
            ["response_type"] = "code",
            ["scope"] = "openid profile email phone address citizen",
            ["state"] = "s",
            ["nonce"] = "n",
            ["choice"] = subject,
        };
        if (challenge is not null)
        {
            form["code_challenge"] = challenge;
            form["code_challenge_method"] = method!;
        }

        return await _http.PostAsync("connect/authorize", new FormUrlEncodedContent(form));
    }

    /// <summary>No code comes back: the provider answers invalid_request naming the parameter.</summary>
    private static async Task AssertRefusedAsync(HttpResponseMessage response, string parameter)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("invalid_request", body, StringComparison.Ordinal);
        Assert.Contains($"'{parameter}'", body, StringComparison.Ordinal);
        Assert.Null(response.Headers.Location);
    }

    private Task<HttpResponseMessage> RedeemAsync(string code, string verifier) =>
        _http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = IdentityProviderPeer.ClientId,
            ["client_secret"] = IdentityProviderPeer.ClientSecret,
            ["code_verifier"] = verifier,
        }));

    private static string Verifier() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    private static string Challenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>The same token claiming another ID number, with the original signature.</summary>
    private static string Tamper(string jwt)
    {
        var parts = jwt.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("001195006789", "001195006788", StringComparison.Ordinal);
        return string.Join('.', parts[0], Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload)), parts[2]);
    }
}
