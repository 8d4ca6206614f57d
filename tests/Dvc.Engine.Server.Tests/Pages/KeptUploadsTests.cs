using System.Net;
using System.Text.RegularExpressions;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Pages;

/// <summary>
/// Regression: browsers never refill a file input, so every page that came back with a field error lost the scans
/// the citizen had chosen, and the next submit failed again for missing files. (The eligibility check posts no files
/// and stores none: issue 14, see Issue14_BoundedSubmissionsTests.)
/// </summary>
public sealed partial class KeptUploadsTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    private const string Form = "/procedures/HN-TP-001/submit";
    private static readonly byte[] Pdf = Convert.FromBase64String(Submissions.PdfBase64);

    [Fact]
    public async Task Files_chosen_before_a_field_error_are_kept_and_filed_with_the_corrected_form()
    {
        var citizen = await server.NewCitizenAsync();
        var (_, token) = await PageForms.GetAsync(citizen, Form);
        var fields = PageForms.FieldsOf(Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json")).ToList();
        fields.Add(new("action", "submit"));
        var wrong = fields.Where(f => f.Key != "/child/fullName").ToList();

        var first = await PageForms.PostWithFilesAsync(citizen, Form, token, wrong,
            [("attachment:giay-chung-sinh", "giay-chung-sinh.pdf", "application/pdf", Pdf), ("attachment:giay-chung-nhan-ket-hon", "ket-hon.pdf", "application/pdf", Pdf)]);
        var page = await first.Content.ReadAsStringAsync();
        var kept = KeptFields().Matches(page).Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Đã có tệp: giay-chung-sinh.pdf", page, StringComparison.Ordinal);
        Assert.Equal(["kept:giay-chung-nhan-ket-hon", "kept:giay-chung-sinh"], kept.Select(k => k.Key).Order(StringComparer.Ordinal));

        var second = await PageForms.PostAsync(citizen, Form, token, [.. fields, .. kept]);
        var dossier = await citizen.GetStringAsync(second.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Contains("giay-chung-sinh.pdf", dossier, StringComparison.Ordinal);
        Assert.Contains("ket-hon.pdf", dossier, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_or_foreign_token_names_no_file()
    {
        var owner = await server.NewCitizenAsync();
        var other = await server.NewCitizenAsync();
        var (_, ownerToken) = await PageForms.GetAsync(owner, Form);
        var (_, otherToken) = await PageForms.GetAsync(other, Form);
        var page = await (await PageForms.PostWithFilesAsync(owner, Form, ownerToken, [new("action", "submit")],
            [("attachment:giay-chung-sinh", "giay-chung-sinh.pdf", "application/pdf", Pdf)])).Content.ReadAsStringAsync();
        var stolen = WebUtility.HtmlDecode(KeptFields().Match(page).Groups[2].Value);
        var fields = PageForms.FieldsOf(Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json")).ToList();
        fields.Add(new("action", "submit"));

        // The marriage certificate is attached, so the only file that can be missing is the birth certificate.
        (string, string, string, byte[])[] marriage = [("attachment:giay-chung-nhan-ket-hon", "ket-hon.pdf", "application/pdf", Pdf)];
        var withStolen = await PageForms.PostWithFilesAsync(other, Form, otherToken, [.. fields, new("kept:giay-chung-sinh", stolen)], marriage);
        var withForged = await PageForms.PostWithFilesAsync(other, Form, otherToken, [.. fields, new("kept:giay-chung-sinh", "bịa-đặt")], marriage);

        Assert.False(string.IsNullOrEmpty(stolen));
        Assert.Equal(HttpStatusCode.OK, withStolen.StatusCode);
        Assert.Matches(MissingBirthCertificate(), await withStolen.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, withForged.StatusCode);
        Assert.Matches(MissingBirthCertificate(), await withForged.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("""data-pointer="/\$attachments/giay-chung-sinh">(?:(?!data-pointer).)*Vui lòng đính kèm giấy tờ này""", RegexOptions.Singleline)]
    private static partial Regex MissingBirthCertificate();

    [GeneratedRegex("""<input type="hidden" name="(kept:[^"]+)" value="([^"]+)" />""")]
    private static partial Regex KeptFields();
}
