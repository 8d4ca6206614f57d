using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Dvc.Engine.Server.Tests.Infrastructure;

/// <summary>Submissions built from the procedures' own test cases, so the server is tested on the real catalog.</summary>
public static class Submissions
{
    /// <summary>A tiny but real PDF, enough for type and size checks.</summary>
    public static readonly string PdfBase64 = Convert.ToBase64String("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray());

    public static JsonObject TestCaseInput(string procedure, string file)
    {
        var path = Path.Combine(DvcServerFactory.RepositoryDefinitions(), "procedures", procedure, "tests", file);
        var test = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        return test["input"]!.DeepClone().AsObject();
    }

    /// <summary>The on-time birth registration (case 01) with the documents its checklist asks for.</summary>
    public static object BirthRegistration(JsonObject? data = null) => new
    {
        procedureCode = "HN-TP-001",
        data = data ?? TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json"),
        attachments = BirthAttachments(),
    };

    public static object[] BirthAttachments() =>
    [
        new { attachmentId = "giay-chung-sinh", fileName = "giay-chung-sinh.pdf", contentType = "application/pdf", contentBase64 = PdfBase64 },
        new { attachmentId = "giay-chung-nhan-ket-hon", fileName = "ket-hon.pdf", contentType = "application/pdf", contentBase64 = PdfBase64 },
    ];

    /// <summary>A valid international driving permit application (level 4, fee 135.000 đ paid online).</summary>
    public static object DrivingPermit() => new
    {
        procedureCode = "HN-GTVT-001",
        data = TestCaseInput("HN-GTVT-001", "01-hop-le-b2-nhan-qua-buu-chinh.json"),
        attachments = new[]
        {
            new { attachmentId = "ban-sao-gplx", fileName = "gplx.pdf", contentType = "application/pdf", contentBase64 = PdfBase64 },
            new { attachmentId = "ban-sao-ho-chieu", fileName = "ho-chieu.pdf", contentType = "application/pdf", contentBase64 = PdfBase64 },
            new { attachmentId = "anh-chan-dung-3x4", fileName = "anh.png", contentType = "image/png", contentBase64 = PngBase64 },
        },
    };

    /// <summary>A 1×1 PNG.</summary>
    public static readonly string PngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    public static Task<string> SubmitBirthRegistrationAsync(HttpClient client) => SubmitAsync(client, BirthRegistration());

    /// <summary>Files <paramref name="request"/> (a submission body) and returns the dossier code; a refusal fails with its body.</summary>
    public static async Task<string> SubmitAsync(HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/v1/dossiers", request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Submission failed: {(int)response.StatusCode} {body}");
        }

        return JsonNode.Parse(body)!["code"]!.GetValue<string>();
    }
}
