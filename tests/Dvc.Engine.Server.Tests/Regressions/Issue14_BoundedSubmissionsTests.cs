using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Regressions;

/// <summary>
/// Issue 14, "must be bounded" — submissions: a 5 MB string, a million-item array or a 200,000-key object under a
/// name the form does not have were stored; uploads were trusted by their declared type (an EXE or a page sent as
/// application/pdf was filed); empty files, any number of files per document and raw file names were accepted; and
/// the portal's eligibility check stored the files it was sent.
/// </summary>
public sealed class Issue14_BoundedSubmissionsTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    private static readonly string Pdf = Submissions.PdfBase64;

    public static TheoryData<string, JsonNode> UnknownMembers => new()
    {
        { "a 5 MB string", JsonValue.Create(new string('x', 5 * 1024 * 1024)) },
        { "a million-item array", new JsonArray([.. Enumerable.Repeat<JsonNode?>(0, 1_000_000).Select(_ => (JsonNode?)JsonValue.Create(0))]) },
        { "a 200,000-key object", new JsonObject(Enumerable.Range(0, 200_000).Select(i => KeyValuePair.Create($"k{i}", (JsonNode?)JsonValue.Create(i)))) },
    };

    [Theory]
    [MemberData(nameof(UnknownMembers))]
    public async Task A_member_the_form_does_not_have_is_refused_at_its_pointer(string what, JsonNode value)
    {
        var citizen = await server.NewCitizenAsync();
        var data = Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json");
        data["khongCoTrongBieuMau"] = value;

        var response = await citizen.PostAsJsonAsync("/api/v1/dossiers", Submissions.BirthRegistration(data));

        var errors = await ErrorsAsync(response, what);
        Assert.True(errors.ContainsKey("/khongCoTrongBieuMau"), $"{what}: {errors.ToJsonString()[..Math.Min(300, errors.ToJsonString().Length)]}");
        Assert.Empty(JsonNode.Parse(await citizen.GetStringAsync("/api/v1/dossiers"))!.AsArray());
    }

    [Fact]
    public async Task A_nested_unknown_member_is_refused_too()
    {
        var citizen = await server.NewCitizenAsync();
        var data = Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json");
        data["child"]!["anThem"] = "x";

        var errors = await ErrorsAsync(await citizen.PostAsJsonAsync("/api/v1/dossiers", Submissions.BirthRegistration(data)), "nested");

        Assert.True(errors.ContainsKey("/child/anThem"), errors.ToJsonString());
    }

    public static TheoryData<string, byte[], string> Impostors => new()
    {
        { "a Windows executable", [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00], "application/pdf" },
        { "an HTML page", "<!DOCTYPE html><html><script>alert(1)</script></html>"u8.ToArray(), "application/pdf" },
        { "an HTML page with a PDF name", "<html><body>%PDF-1.4</body></html>"u8.ToArray(), "APPLICATION/PDF" },
        { "a PNG declared as a PDF", Convert.FromBase64String(Submissions.PngBase64), "application/pdf" },
        { "an empty file", [], "application/pdf" },
    };

    [Theory]
    [MemberData(nameof(Impostors))]
    public async Task A_file_is_judged_by_its_content_not_by_its_declared_type(string what, byte[] content, string declared)
    {
        var citizen = await server.NewCitizenAsync();
        var attachments = new object[]
        {
            new { attachmentId = "giay-chung-sinh", fileName = "giay-chung-sinh.pdf", contentType = declared, contentBase64 = Convert.ToBase64String(content) },
            new { attachmentId = "giay-chung-nhan-ket-hon", fileName = "ket-hon.pdf", contentType = "application/pdf", contentBase64 = Pdf },
        };

        var response = await citizen.PostAsJsonAsync("/api/v1/dossiers", Birth(attachments));

        var errors = await ErrorsAsync(response, what);
        Assert.True(errors.ContainsKey("/$attachments/giay-chung-sinh"), $"{what}: {errors.ToJsonString()}");
        Assert.False(errors.ContainsKey("/$attachments/giay-chung-nhan-ket-hon"), errors.ToJsonString());
    }

    [Theory]
    [InlineData("APPLICATION/PDF")]
    [InlineData("application/pdf; charset=binary")]
    [InlineData("application/octet-stream")]
    public async Task A_real_pdf_is_accepted_whatever_the_case_or_parameters_of_its_type(string declared)
    {
        var citizen = await server.NewCitizenAsync();
        var attachments = new object[]
        {
            new { attachmentId = "giay-chung-sinh", fileName = "giay-chung-sinh.pdf", contentType = declared, contentBase64 = Pdf },
            new { attachmentId = "giay-chung-nhan-ket-hon", fileName = "ket-hon.pdf", contentType = "application/pdf", contentBase64 = Pdf },
        };

        var response = await citizen.PostAsJsonAsync("/api/v1/dossiers", Birth(attachments));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var code = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!.GetValue<string>();
        var stored = JsonNode.Parse(await citizen.GetStringAsync($"/api/v1/dossiers/{code}/attachments"))!.AsArray();
        Assert.All(stored, a => Assert.Equal("application/pdf", a!["contentType"]!.GetValue<string>()));
    }

    [Fact]
    public async Task More_files_than_the_limit_for_one_document_are_refused()
    {
        var citizen = await server.NewCitizenAsync();
        var attachments = Enumerable.Range(0, 6)
            .Select(i => (object)new { attachmentId = "giay-chung-sinh", fileName = $"trang-{i}.pdf", contentType = "application/pdf", contentBase64 = Pdf })
            .Append(new { attachmentId = "giay-chung-nhan-ket-hon", fileName = "ket-hon.pdf", contentType = "application/pdf", contentBase64 = Pdf })
            .ToArray();

        var errors = await ErrorsAsync(await citizen.PostAsJsonAsync("/api/v1/dossiers", Birth(attachments)), "six files");

        Assert.True(errors.ContainsKey("/$attachments/giay-chung-sinh"), errors.ToJsonString());
    }

    [Theory]
    [InlineData("..\\..\\windows\\system32\\giay-chung-sinh.pdf", "giay-chung-sinh.pdf")]
    [InlineData("/etc/passwd/../giay.pdf", "giay.pdf")]
    [InlineData("hoa-don\u202Efdp.exe", "hoa-donfdp.exe")]
    [InlineData("giay\u0000\u0007\u200Bkhai\r\nsinh.pdf", "giaykhaisinh.pdf")]
    [InlineData("...", "tep-dinh-kem")]
    [InlineData("Giấy khai sinh của bé.pdf", "Giấy khai sinh của bé.pdf")]
    public async Task File_names_are_stored_without_folders_or_invisible_characters(string sent, string stored)
    {
        var citizen = await server.NewCitizenAsync();
        var attachments = new object[]
        {
            new { attachmentId = "giay-chung-sinh", fileName = sent, contentType = "application/pdf", contentBase64 = Pdf },
            new { attachmentId = "giay-chung-nhan-ket-hon", fileName = "ket-hon.pdf", contentType = "application/pdf", contentBase64 = Pdf },
        };

        var response = await citizen.PostAsJsonAsync("/api/v1/dossiers", Birth(attachments));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var code = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!.GetValue<string>();
        var names = JsonNode.Parse(await citizen.GetStringAsync($"/api/v1/dossiers/{code}/attachments"))!.AsArray().Select(a => a!["fileName"]!.GetValue<string>());
        Assert.Contains(stored, names);
    }

    [Fact]
    public async Task A_long_file_name_is_capped_and_keeps_its_extension()
    {
        var citizen = await server.NewCitizenAsync();
        var attachments = new object[]
        {
            new { attachmentId = "giay-chung-sinh", fileName = new string('a', 5000) + ".pdf", contentType = "application/pdf", contentBase64 = Pdf },
            new { attachmentId = "giay-chung-nhan-ket-hon", fileName = "ket-hon.pdf", contentType = "application/pdf", contentBase64 = Pdf },
        };

        var response = await citizen.PostAsJsonAsync("/api/v1/dossiers", Birth(attachments));

        var code = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!.GetValue<string>();
        var name = JsonNode.Parse(await citizen.GetStringAsync($"/api/v1/dossiers/{code}/attachments"))!.AsArray()
            .Select(a => a!["fileName"]!.GetValue<string>()).Single(n => n.StartsWith("aaa", StringComparison.Ordinal));
        Assert.Equal(120, name.Length);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_portals_eligibility_check_stores_no_file()
    {
        var citizen = await server.NewCitizenAsync();
        var (_, token) = await PageForms.GetAsync(citizen, "/procedures/HN-TP-001/submit");
        var fields = PageForms.FieldsOf(Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json")).ToList();
        fields.Add(new("action", "check"));
        var unique = System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {Guid.NewGuid()}\n%%EOF\n");
        var before = Blobs();

        var response = await PageForms.PostWithFilesAsync(citizen, "/procedures/HN-TP-001/submit", token, fields,
            [("attachment:giay-chung-sinh", "giay-chung-sinh.pdf", "application/pdf", unique)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"assessment\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, Blobs());
    }

    [Fact]
    public async Task Form_data_larger_than_the_limit_is_refused_even_in_known_fields()
    {
        var citizen = await server.NewCitizenAsync();
        var data = Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json");
        data["child"]!["fullName"] = new string('x', 300 * 1024);

        var errors = await ErrorsAsync(await citizen.PostAsJsonAsync("/api/v1/procedures/HN-TP-001/assessments", new { data }), "300 KB");

        Assert.True(errors.ContainsKey(""), errors.ToJsonString()[..Math.Min(300, errors.ToJsonString().Length)]);
    }

    private int Blobs() => Directory.Exists(Path.Combine(server.FilesRoot, "blobs"))
        ? Directory.EnumerateFiles(Path.Combine(server.FilesRoot, "blobs"), "*", SearchOption.AllDirectories).Count()
        : 0;

    private static object Birth(object[] attachments) => new
    {
        procedureCode = "HN-TP-001",
        data = Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json"),
        attachments,
    };

    private static async Task<JsonObject> ErrorsAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 500)]}");
        return JsonNode.Parse(body)!["errors"]!.AsObject();
    }
}
