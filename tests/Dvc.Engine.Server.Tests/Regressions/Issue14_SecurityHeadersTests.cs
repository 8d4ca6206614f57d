using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dvc.Engine.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Dvc.Engine.Server.Tests.Regressions;

/// <summary>
/// Issue 14, "must be bounded" — headers: nosniff, no framing on any answer, a content security policy for the
/// portal, Secure cookies outside Development, and an API that refuses cross-site form posts beyond SameSite=Lax.
/// </summary>
public sealed partial class Issue14_SecurityHeadersTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/track")]
    [InlineData("/account/login")]
    [InlineData("/no-such-page")]
    [InlineData("/css/site.css")]
    [InlineData("/api/v1/procedures")]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/api/v1/dossiers")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/health")]
    public async Task Every_answer_is_never_sniffed_nor_framed(string path)
    {
        var response = await server.CreateBrowserlessClient().GetAsync(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/procedures/HN-TP-001")]
    [InlineData("/procedures/HN-TP-001/submit")]
    [InlineData("/track")]
    [InlineData("/statistics")]
    [InlineData("/dossiers")]
    [InlineData("/account/login")]
    [InlineData("/account/register")]
    [InlineData("/inbox")]
    public async Task Portal_pages_allow_only_their_own_scripts_and_styles_and_use_nothing_inline(string path)
    {
        var client = path is "/inbox" ? await server.OfficerAsync("HN-P-BA-DINH") : await server.NewCitizenAsync();

        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotMatch(InlineStyle(), html);
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotMatch(InlineHandler(), html);
    }

    [Fact]
    public async Task Outside_development_every_cookie_is_secure()
    {
        using var production = server.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var client = production.CreateClient(new() { AllowAutoRedirect = false });
        var email = $"prod-{Guid.NewGuid():N}@test.local";
        (await client.PostAsJsonAsync("/api/v1/accounts", new { email, fullName = "Trần Thị Mai", password = "MatKhau@2026" })).EnsureSuccessStatusCode();

        var page = await client.GetAsync("/account/login");
        var session = await client.PostAsJsonAsync("/api/v1/session", new { email, password = "MatKhau@2026" });
        var culture = await client.GetAsync("/culture/en?returnUrl=/");

        var cookies = new[] { page, session, culture }.SelectMany(r => r.Headers.TryGetValues("Set-Cookie", out var v) ? v : []).ToList();
        Assert.Contains(cookies, c => c.StartsWith("dvc.auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Origin", "https://ke-gian.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task A_cross_site_post_to_the_cookie_authenticated_api_is_refused(string header, string value)
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/dossiers/{code}/payments");
        request.Headers.Add(header, value);

        var response = await citizen.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("text/plain")]
    public async Task A_body_an_html_form_can_send_is_refused_by_the_api_even_without_origin(string contentType)
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/dossiers/{code}/payments") { Content = new StringContent("a=1") };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        var response = await citizen.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_same_origin_request_from_the_portal_is_served()
    {
        var citizen = await server.NewCitizenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = JsonContent.Create(Submissions.BirthRegistration()) };
        request.Headers.Add("Origin", citizen.BaseAddress!.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        var response = await citizen.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content)
        : "";

    [GeneratedRegex("""\sstyle\s*=""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();

    [GeneratedRegex("""<script(?![^>]*\ssrc=)[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("""\son[a-z]+\s*=\s*["']""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();
}
