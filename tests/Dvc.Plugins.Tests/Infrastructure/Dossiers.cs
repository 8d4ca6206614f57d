using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Dvc.Plugins.Tests.Infrastructure;

/// <summary>Filing and moving a dossier of the fixture procedure through the API, as its citizen and officer would.</summary>
public static class Dossiers
{
    private static readonly string[] Attachments = ["ban-sao-gplx", "ban-sao-ho-chieu"];

    // A 1×1 JPEG: the portrait must be an image.
    private const string JpegBase64 = "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=";

    private static readonly string PdfBase64 = Convert.ToBase64String("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray());

    /// <summary>A valid submission (HN-GTVT-001's first test case: delivery by post), with <paramref name="fullName"/> as the applicant.</summary>
    public static JsonObject Submission(string fullName = "Nguyễn Văn An", string delivery = "post")
    {
        var path = Path.Combine(Repository.Definitions, "procedures", "HN-GTVT-001", "tests", "01-hop-le-b2-nhan-qua-buu-chinh.json");
        var input = JsonNode.Parse(File.ReadAllText(path))!["input"]!.AsObject().DeepClone().AsObject();
        input["applicant"]!["fullName"] = fullName;
        input["deliveryMethod"] = delivery;
        return input;
    }

    public static async Task<string> SubmitAsync(HttpClient citizen, JsonObject? data = null, string procedureCode = PluginServer.FixtureProcedure)
    {
        var attachments = Attachments.Select(id => new { attachmentId = id, fileName = $"{id}.pdf", contentType = "application/pdf", contentBase64 = PdfBase64 })
            .Append(new { attachmentId = "anh-chan-dung-3x4", fileName = "anh-chan-dung.jpg", contentType = "image/jpeg", contentBase64 = JpegBase64 });
        var response = await citizen.PostAsJsonAsync("/api/v1/dossiers", new { procedureCode, data = data ?? Submission(), attachments });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Submission failed: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["code"]!.GetValue<string>();
    }

    /// <summary>Completes the dossier's open task with <paramref name="outcome"/>.</summary>
    public static async Task CompleteTaskAsync(HttpClient officer, string code, string outcome, string? comment = null)
    {
        var tasks = JsonNode.Parse(await officer.GetStringAsync("/api/v1/tasks"))!.AsArray();
        var task = tasks.OfType<JsonObject>().FirstOrDefault(t => t["dossierCode"]!.GetValue<string>() == code);
        Assert.True(task is not null, $"No open task for {code}.");
        var response = await officer.PostAsJsonAsync($"/api/v1/tasks/{task["id"]}/completion", new { outcome, comment });
        Assert.True(response.IsSuccessStatusCode, $"Completing the task failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<JsonObject> GetAsync(HttpClient client, string code) =>
        JsonNode.Parse(await client.GetStringAsync($"/api/v1/dossiers/{code}"))!.AsObject();

    public static async Task<string> StatusAsync(HttpClient client, string code) => (await GetAsync(client, code))["status"]!.GetValue<string>();

    /// <summary>The history as the API shows it: one line per entry, title and detail.</summary>
    public static async Task<IReadOnlyList<string>> TimelineAsync(HttpClient client, string code) =>
        [.. ((await GetAsync(client, code))["timeline"] as JsonArray ?? []).OfType<JsonObject>().Select(e => $"{e["title"]} {e["detail"]}".Trim())];
}
