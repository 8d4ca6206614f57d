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
        attachments = new[]
        {
            new { attachmentId = "giay-chung-sinh", fileName = "giay-chung-sinh.pdf", contentType = "application/pdf", contentBase64 = PdfBase64 },
            new { attachmentId = "giay-chung-nhan-ket-hon", fileName = "ket-hon.pdf", contentType = "application/pdf", contentBase64 = PdfBase64 },
        },
    };

    public static async Task<string> SubmitBirthRegistrationAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/v1/dossiers", BirthRegistration());
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Submission failed: {(int)response.StatusCode} {body}");
        }

        return JsonNode.Parse(body)!["code"]!.GetValue<string>();
    }
}
