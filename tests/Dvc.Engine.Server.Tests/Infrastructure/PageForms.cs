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

    /// <summary>Posts fields and files (name → file name, content type, bytes) as multipart form data.</summary>
    public static async Task<HttpResponseMessage> PostWithFilesAsync(
        HttpClient client, string path, string token, IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<(string Name, string FileName, string ContentType, byte[] Content)> files)
    {
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, fileName, contentType, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            content.Add(file, name, fileName);
        }

        return await client.PostAsync(path, content);
    }

    /// <summary>
    /// The form fields a citizen would type for a submission: one per JSON pointer, dates as dd/MM/yyyy, checkboxes
    /// only when true.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> FieldsOf(System.Text.Json.Nodes.JsonNode? node, string pointer = "")
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject o:
                foreach (var (name, value) in o)
                {
                    foreach (var field in FieldsOf(value, $"{pointer}/{name}"))
                    {
                        yield return field;
                    }
                }

                break;
            case System.Text.Json.Nodes.JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is System.Text.Json.Nodes.JsonObject)
                    {
                        foreach (var field in FieldsOf(a[i], $"{pointer}/{i}"))
                        {
                            yield return field;
                        }
                    }
                    else
                    {
                        yield return new(pointer, a[i]?.ToString() ?? "");
                    }
                }

                break;
            case System.Text.Json.Nodes.JsonValue v when v.TryGetValue<bool>(out var b):
                if (b)
                {
                    yield return new(pointer, "true");
                }

                break;
            case System.Text.Json.Nodes.JsonValue v when v.TryGetValue<string>(out var s)
                && DateOnly.TryParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date):
                yield return new(pointer, date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
                break;
            case System.Text.Json.Nodes.JsonValue v:
                yield return new(pointer, v.ToString());
                break;
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
