using System.Net;
using System.Text.RegularExpressions;

namespace Dvc.Engine.Server.Tests.Infrastructure;

/// <summary>Reads a page's antiforgery token and posts its form the way a browser would.</summary>
public static partial class PageForms
{
    public static async Task<(string Html, string Token)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var token = Token().Match(html);
        Assert.True(token.Success, "The page has no antiforgery token.");
        return (html, WebUtility.HtmlDecode(token.Groups[1].Value));
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string token, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        return await client.PostAsync(path, content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
