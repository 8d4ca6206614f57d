using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Dvc.Engine.Server.Tests.Infrastructure;

/// <summary>Drives a dossier through whatever tasks its workflow opens, as the agency's officer would.</summary>
public static class Inbox
{
    private static readonly string[] Negative = ["Reject", "RequestSupplement"];

    public static async Task<JsonObject?> OpenTaskAsync(HttpClient officer, string dossierCode)
    {
        var tasks = JsonNode.Parse(await officer.GetStringAsync("/api/v1/tasks"))!.AsArray();
        return tasks.OfType<JsonObject>().FirstOrDefault(t => t["dossierCode"]!.GetValue<string>() == dossierCode);
    }

    public static async Task<HttpResponseMessage> CompleteAsync(HttpClient officer, JsonObject task, string outcome, string? comment = null) =>
        await officer.PostAsJsonAsync($"/api/v1/tasks/{task["id"]}/completion", new { outcome, comment });

    /// <summary>Completes each task with its first positive outcome until no task is left or the dossier is finished.</summary>
    public static async Task ApproveAllAsync(HttpClient officer, string dossierCode, int maxSteps = 12)
    {
        for (var step = 0; step < maxSteps; step++)
        {
            var task = await OpenTaskAsync(officer, dossierCode);
            if (task is null)
            {
                return;
            }

            var outcome = task["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()).First(o => !Negative.Contains(o));
            var response = await CompleteAsync(officer, task, outcome);
            response.EnsureSuccessStatusCode();
        }
    }

    public static async Task<string> StatusAsync(HttpClient client, string dossierCode) =>
        JsonNode.Parse(await client.GetStringAsync($"/api/v1/dossiers/{dossierCode}"))!["status"]!.GetValue<string>();
}
