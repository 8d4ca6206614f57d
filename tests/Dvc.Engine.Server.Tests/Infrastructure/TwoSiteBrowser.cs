using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dvc.Engine.Server.Tests.Infrastructure;

/// <summary>
/// A browser without a screen for journeys across two sites: the portal (in-memory test host, <c>http://localhost</c>)
/// and a real server on loopback (the identity provider). It follows redirects from one to the other and keeps each
/// site's cookies. Expiry dates are ignored (the portal runs on a fake clock months behind the real one); a cookie is
/// dropped when a site clears it.
/// </summary>
public sealed partial class TwoSiteBrowser : IDisposable
{
    private readonly HttpClient _portal;
    private readonly HttpClient _web = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
    private readonly Dictionary<string, Dictionary<string, string>> _cookies = new(StringComparer.OrdinalIgnoreCase);

    public TwoSiteBrowser(WebApplicationFactory<Program> portal)
    {
        _portal = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
    }

    /// <summary>Where the last response came from (after redirects).</summary>
    public Uri Location { get; private set; } = new("http://localhost/");

    /// <summary>Every address visited, redirects included, in order.</summary>
    public List<Uri> Visited { get; } = [];

    public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(HttpMethod.Get, Resolve(url), null);

    /// <summary>Posts form fields (urlencoded, as a browser form does) and follows redirects.</summary>
    public Task<HttpResponseMessage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        SendAsync(HttpMethod.Post, Resolve(url), () => new FormUrlEncodedContent(fields.ToList()));

    /// <summary>Posts JSON (as the portal's API clients do) with this browser's cookies.</summary>
    public Task<HttpResponseMessage> PostJsonAsync(string url, object body) =>
        SendAsync(HttpMethod.Post, Resolve(url), () => System.Net.Http.Json.JsonContent.Create(body));

    /// <summary>Fills a page's form: its hidden fields (antiforgery, a provider's request), plus <paramref name="fields"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string html, string action, params (string Name, string Value)[] fields)
    {
        // A page with several forms repeats the antiforgery token: one of each name, as the first form sends them.
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in HiddenFields(html))
        {
            all.TryAdd(name, value);
        }

        foreach (var (name, value) in fields)
        {
            all[name] = value;
        }

        return await PostAsync(action, all);
    }

    public string? Cookie(string host, string name) => _cookies.TryGetValue(host, out var jar) && jar.TryGetValue(name, out var v) ? v : null;

    public static IEnumerable<KeyValuePair<string, string>> HiddenFields(string html) =>
        Hidden().Matches(html).Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)));

    private Uri Resolve(string url) => new(Location, url);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, Func<HttpContent>? content)
    {
        for (var hop = 0; hop < 20; hop++)
        {
            Visited.Add(uri);
            using var request = new HttpRequestMessage(method, uri);
            request.Content = content?.Invoke();

            if (_cookies.TryGetValue(uri.Authority, out var jar) && jar.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
            }

            var portal = uri.Host == "localhost" && uri.IsDefaultPort;
            var response = await (portal ? _portal : _web).SendAsync(request);
            Keep(uri.Authority, response);
            Location = uri;
            if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is null)
            {
                return response;
            }

            uri = new Uri(uri, response.Headers.Location);
            method = HttpMethod.Get;
            content = null;
        }

        throw new InvalidOperationException("Too many redirects: " + string.Join(" → ", Visited));
    }

    private void Keep(string authority, HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }

        if (!_cookies.TryGetValue(authority, out var jar))
        {
            _cookies[authority] = jar = new Dictionary<string, string>(StringComparer.Ordinal);
        }

        foreach (var header in values)
        {
            var pair = header.Split(';')[0];
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = (pair[..at].Trim(), pair[(at + 1)..].Trim());
            var cleared = value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
            if (cleared)
            {
                jar.Remove(name);
            }
            else
            {
                jar[name] = value;
            }
        }
    }

    public void Dispose()
    {
        _portal.Dispose();
        _web.Dispose();
    }

    [GeneratedRegex("<input[^>]*?name=\"(?<name>[^\"]+)\"[^>]*?type=\"hidden\"[^>]*?value=\"(?<value>[^\"]*)\"|<input[^>]*?type=\"hidden\"[^>]*?name=\"(?<name>[^\"]+)\"[^>]*?value=\"(?<value>[^\"]*)\"")]
    private static partial Regex Hidden();
}
