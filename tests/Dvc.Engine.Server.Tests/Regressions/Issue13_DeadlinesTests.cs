using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Persistence;
using Dvc.Engine.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dvc.Engine.Server.Tests.Regressions;

/// <summary>
/// Issue 13 §1: supplement and payment requests state their deadline and what happens when it passes (page,
/// notification, history), and the statutory clock is visible. The server's clock starts on Monday 02/03/2026 09:00
/// (Hanoi); HN-TP-001 gives five working days to supplement, so the citizen has until the end of Monday 09/03.
/// Its own server: these tests move the clock.
/// </summary>
public sealed class Issue13_DeadlinesTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    private const string SupplementDeadline = "trước 24:00 ngày 09/03/2026";

    [Fact]
    public async Task A_supplement_request_states_its_deadline_on_the_page_in_the_notification_and_in_the_history()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-UBND-XA");

        await Issue13_SupplementsRedecideTests.RequestAsync(officer, code, "Bổ sung bản chụp giấy chứng sinh rõ nét.", attachments: ["giay-chung-sinh"]);

        var dossier = await Issue13_SupplementsRedecideTests.DossierAsync(citizen, code);
        Assert.Equal((SupplementDeadline, "WorkingDays"), (dossier["request"]!["deadline"]!.GetValue<string>(), dossier["request"]!["daysUnit"]!.GetValue<string>()));
        var page = await citizen.GetStringAsync($"/dossiers/{code}");
        Assert.Contains($"Thời hạn: {SupplementDeadline}", page, StringComparison.Ordinal);
        Assert.Contains("hồ sơ sẽ bị dừng xử lý", page, StringComparison.Ordinal);
        Assert.Contains(dossier["timeline"]!.AsArray(), e => e!["title"]!.GetValue<string>() == $"Cơ quan yêu cầu bổ sung hồ sơ, hạn {SupplementDeadline}");
        Assert.Contains(SupplementDeadline, await NotificationAsync(code), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payment_request_states_its_amount_and_deadline()
    {
        var citizen = await server.NewCitizenAsync();
        var response = await citizen.PostAsJsonAsync("/api/v1/dossiers", Submissions.DrivingPermit());
        var code = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!.GetValue<string>();
        var officer = await server.OfficerAsync("HN-SGTVT");

        (await Inbox.CompleteAsync(officer, (await Inbox.OpenTaskAsync(officer, code))!, "Accept")).EnsureSuccessStatusCode();

        var request = (await Issue13_SupplementsRedecideTests.DossierAsync(citizen, code))["request"]!;
        Assert.Equal(("payment", 135000L, "trước 24:00 ngày 09/03/2026"), (request["kind"]!.GetValue<string>(), request["amount"]!.GetValue<long>(), request["deadline"]!.GetValue<string>()));
        Assert.Contains("chưa thanh toán, hồ sơ sẽ bị dừng xử lý", await citizen.GetStringAsync($"/dossiers/{code}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_the_dossier_waits_the_clock_stands_still_and_restarts_with_a_new_legal_deadline()
    {
        var email = $"clock-{Guid.NewGuid():N}@test.local";
        var citizen = await server.NewCitizenAsync(email);
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-UBND-XA");
        var dueBefore = (await Issue13_SupplementsRedecideTests.DossierAsync(citizen, code))["dueOn"]!.GetValue<string>();
        await Issue13_SupplementsRedecideTests.RequestAsync(officer, code, "Ghi rõ số bản sao.", fields: ["/extraCopies"]);

        var waiting = await citizen.GetStringAsync($"/dossiers/{code}");
        var officerPage = await officer.GetStringAsync($"/dossiers/{code}");
        server.Clock.Advance(TimeSpan.FromDays(2));
        var again = await Workflows.ProcedureJourney.CitizenAsync(server, email);
        (await again.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplements", new { data = new JsonObject { ["extraCopies"] = 1 } })).EnsureSuccessStatusCode();

        Assert.Contains("Thời hạn giải quyết đang tạm dừng từ 09:00 02/03/2026", waiting, StringComparison.Ordinal);
        Assert.Contains("Thời hạn giải quyết đang tạm dừng từ 09:00 02/03/2026", officerPage, StringComparison.Ordinal);
        var after = await Issue13_SupplementsRedecideTests.DossierAsync(again, code);
        Assert.Null(after["clockPausedAt"]);
        // Two working days stood still (Monday 09:00 to Wednesday 09:00): the legal deadline moves two working days later.
        Assert.Equal(DateOnly.Parse(dueBefore, System.Globalization.CultureInfo.InvariantCulture).AddDays(2), DateOnly.Parse(after["dueOn"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        var resumed = Assert.Single(after["timeline"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "ClockResumed")!;
        Assert.StartsWith("Tiếp tục tính thời hạn giải quyết; hạn giải quyết mới: ", resumed["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_apology_slips_new_date_becomes_the_due_date()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        server.Clock.Advance(TimeSpan.FromDays(10));

        await using (var scope = server.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Dvc.Engine.Server.Dossiers.OverdueDossiers>().IssueApologySlipsAsync(CancellationToken.None);
        }

        var dossier = await Issue13_SupplementsRedecideTests.DossierAsync(await server.OfficerAsync("HN-UBND-XA"), code);
        var slip = Assert.Single(dossier["timeline"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "Overdue")!;
        var promised = DateOnly.Parse(dossier["dueOn"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(promised.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), slip["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(promised > DateOnly.FromDateTime(server.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime));
    }

    private async Task<string> NotificationAsync(string code)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DvcDbContext>();
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == "notification" && m.PayloadJson.Contains(code)).ToListAsync();
        return string.Join("\n", messages.Select(m => JsonNode.Parse(m.PayloadJson)!["text"]!.GetValue<string>()));
    }
}
