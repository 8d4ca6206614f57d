using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Statistics;

/// <summary>
/// Issue 13 §3: "late" counts only dossiers finished late; overdue dossiers still in progress are their own column, so
/// received = in progress + on time + late and the on-time rate adds up. Filters by period and procedure; CSV export.
/// Its own server: it moves the clock and counts every dossier.
/// </summary>
public sealed class LateAndOverdueTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    [Fact]
    public async Task Late_counts_finished_late_dossiers_and_overdue_ones_in_progress_are_apart_and_the_csv_agrees()
    {
        var citizen = await server.NewCitizenAsync();
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        var onTime = await Submissions.SubmitBirthRegistrationAsync(citizen);
        await Inbox.ApproveAllAsync(officer, onTime);
        var finishedLate = await Submissions.SubmitBirthRegistrationAsync(citizen);
        await Submissions.SubmitBirthRegistrationAsync(citizen);
        var permit = await citizen.PostAsJsonAsync("/api/v1/dossiers", Submissions.DrivingPermit());
        permit.EnsureSuccessStatusCode();

        server.Clock.Advance(TimeSpan.FromDays(10));
        var lateOfficer = await server.OfficerAsync("HN-P-BA-DINH");
        await Inbox.ApproveAllAsync(lateOfficer, finishedLate);

        var all = await TotalAsync("");
        Assert.Equal((4, 2, 1, 1, 2, 2), (all.Received, all.InProgress, all.OnTime, all.Late, all.Overdue, all.Resolved));
        Assert.Equal(all.Received, all.InProgress + all.OnTime + all.Late);
        Assert.Equal(50m, all.Rate);

        var births = await TotalAsync("?procedure=HN-TP-001");
        Assert.Equal((3, 1), (births.Received, births.Overdue));
        var none = await TotalAsync("?from=2026-04-01&to=2026-04-30");
        Assert.Equal(0, none.Received);

        var csv = await server.CreateBrowserlessClient().GetAsync("/api/v1/statistics/csv?procedure=HN-TP-001");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("group,key,label,received,inProgress,overdue,resolved,onTime,late,onTimeRate,ratings,averageRating", lines[0].TrimStart('\uFEFF'));
        Assert.StartsWith("total,total,Tổng cộng,3,1,1,2,1,1,50", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_a_field_error()
    {
        var response = await server.CreateBrowserlessClient().GetAsync("/api/v1/statistics?from=2026-03-10&to=2026-03-01");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("/to", (await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private async Task<(int Received, int InProgress, int OnTime, int Late, int Overdue, int Resolved, decimal? Rate)> TotalAsync(string query)
    {
        var total = JsonNode.Parse(await server.CreateBrowserlessClient().GetStringAsync("/api/v1/statistics" + query))!["total"]!;
        return (total["received"]!.GetValue<int>(), total["inProgress"]!.GetValue<int>(), total["onTime"]!.GetValue<int>(), total["late"]!.GetValue<int>(),
            total["overdue"]!.GetValue<int>(), total["resolved"]!.GetValue<int>(), total["onTimeRate"]?.GetValue<decimal>());
    }
}
