using System.Net;
using Dvc.Engine.Server.Hosting;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Regressions;

/// <summary>
/// Issue 13 §4: an upload over the request limit gets the form back with a clear error and the typed data kept, never
/// the browser's error page, also when the page script did not stop it (script off, an old browser, a hand-made post).
/// </summary>
public sealed class Issue13_OversizedUploadTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    private const string Form = "/procedures/HN-TP-001/submit";

    [Fact]
    public async Task Files_over_the_request_limit_bring_the_form_back_with_the_error_at_the_file_and_the_typed_data()
    {
        var citizen = await server.NewCitizenAsync();
        var (_, token) = await PageForms.GetAsync(citizen, Form);
        var fields = PageForms.FieldsOf(Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json")).ToList();
        var big = new byte[UploadOptions.MaxRequestBytes + (1024 * 1024)];

        var response = await PageForms.PostWithFilesAsync(citizen, Form, token, [.. fields, new("action", "submit")],
            [("attachment:giay-chung-sinh", "giay-chung-sinh.pdf", "application/pdf", big)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("vượt quá 64 MB cho một lần gửi", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        // The error stands at the file the citizen chose, and everything typed is still in its field.
        Assert.Matches("name=\"attachment:giay-chung-sinh\"[^<]*(<[^>]*>[^<]*){0,12}vượt quá 64 MB", WebUtility.HtmlDecode(html));
        Assert.Contains("value=\"Lê Minh Khôi\"", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("value=\"001194023456\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã có tệp: giay-chung-sinh.pdf", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_ceiling_is_refused_with_the_portal_page_that_says_why()
    {
        var citizen = await server.NewCitizenAsync();
        var (_, token) = await PageForms.GetAsync(citizen, Form);
        var huge = new byte[UploadOptions.CeilingBytes + (1024 * 1024)];

        var response = await PageForms.PostWithFilesAsync(citizen, Form, token, [new("action", "submit")],
            [("attachment:giay-chung-sinh", "giay-chung-sinh.pdf", "application/pdf", huge)]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("tối đa 64 MB", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
