using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Persistence;
using Dvc.Engine.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dvc.Engine.Server.Tests.Regressions;

/// <summary>
/// Issue 13 §1: supplement and payment requests state their deadline and what happens when it passes (page,
/// notification, history), and the statutory clock is visible. Each test starts on a Monday 09:00 (Hanoi) with two
/// weeks free of holidays: HN-TP-001 gives five working days to supplement and HN-GTVT-001 five to pay, so the citizen
/// has until the end of the next Monday. Its own server: these tests move the clock.
/// </summary>
public sealed class Issue13_DeadlinesTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{

    [Fact]
    public async Task A_supplement_request_states_its_deadline_on_the_page_in_the_notification_and_in_the_history()
    {
        var supplementDeadline = Deadline(StartOnAFreshMonday());
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-P-BA-DINH");

        await Issue13_SupplementsRedecideTests.RequestAsync(officer, code, "Bổ sung bản chụp giấy chứng sinh rõ nét.", attachments: ["giay-chung-sinh"]);

        var dossier = await Issue13_SupplementsRedecideTests.DossierAsync(citizen, code);
        Assert.Equal((supplementDeadline, "WorkingDays"), (dossier["request"]!["deadline"]!.GetValue<string>(), dossier["request"]!["daysUnit"]!.GetValue<string>()));
        var page = await citizen.GetStringAsync($"/dossiers/{code}");
        Assert.Contains($"Thời hạn: {supplementDeadline}", page, StringComparison.Ordinal);
        Assert.Contains("hồ sơ sẽ bị dừng xử lý", page, StringComparison.Ordinal);
        Assert.Contains(dossier["timeline"]!.AsArray(), e => e!["title"]!.GetValue<string>() == $"Cơ quan yêu cầu bổ sung hồ sơ, hạn {supplementDeadline}");
        Assert.Contains(supplementDeadline, await NotificationAsync(code), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payment_request_states_its_amount_and_deadline()
    {
        var deadline = Deadline(StartOnAFreshMonday());
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitAsync(citizen, Submissions.DrivingPermit());
        var officer = await server.OfficerAsync("HN-CATP-CSGT");

        (await Inbox.CompleteAsync(officer, (await Inbox.OpenTaskAsync(officer, code))!, "Accept")).EnsureSuccessStatusCode();

        var request = (await Issue13_SupplementsRedecideTests.DossierAsync(citizen, code))["request"]!;
        Assert.Equal(("payment", 135000L, deadline), (request["kind"]!.GetValue<string>(), request["amount"]!.GetValue<long>(), request["deadline"]!.GetValue<string>()));
        Assert.Contains("chưa thanh toán, hồ sơ sẽ bị dừng xử lý", await citizen.GetStringAsync($"/dossiers/{code}"), StringComparison.Ordinal);
    }

    /// <summary>The path ends without Dvc.IssueResult: the dossier is closed, never "result returned".</summary>
    [Fact]
    public async Task An_unpaid_fee_past_its_deadline_closes_the_dossier_without_claiming_a_result()
    {
        var email = $"khong-tra-{Guid.NewGuid():N}@test.local";
        var citizen = await server.NewCitizenAsync(email);
        var code = await Submissions.SubmitAsync(citizen, Submissions.DrivingPermit());
        var officer = await server.OfficerAsync("HN-CATP-CSGT");
        (await Inbox.CompleteAsync(officer, (await Inbox.OpenTaskAsync(officer, code))!, "Accept")).EnsureSuccessStatusCode();

        server.Clock.Advance(TimeSpan.FromDays(9));
        await using (var scope = server.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Dvc.Engine.Server.Workflows.WorkflowTimers>().DispatchDueAsync(CancellationToken.None);
        }

        var late = await Workflows.ProcedureJourney.CitizenAsync(server, email);
        var dossier = await Issue13_SupplementsRedecideTests.DossierAsync(late, code);
        Assert.Equal(("Cancelled", false), (dossier["status"]!.GetValue<string>(), dossier["hasResult"]!.GetValue<bool>()));
        var page = await late.GetStringAsync($"/dossiers/{code}");
        Assert.Contains("Đã hủy", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã trả kết quả", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_the_dossier_waits_the_clock_stands_still_and_restarts_with_a_new_legal_deadline()
    {
        var monday = StartOnAFreshMonday().ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var email = $"clock-{Guid.NewGuid():N}@test.local";
        var citizen = await server.NewCitizenAsync(email);
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        var dueBefore = (await Issue13_SupplementsRedecideTests.DossierAsync(citizen, code))["dueOn"]!.GetValue<string>();
        await Issue13_SupplementsRedecideTests.RequestAsync(officer, code, "Ghi rõ số bản sao.", fields: ["/extraCopies"]);

        var waiting = await citizen.GetStringAsync($"/dossiers/{code}");
        var officerPage = await officer.GetStringAsync($"/dossiers/{code}");
        server.Clock.Advance(TimeSpan.FromDays(2));
        var again = await Workflows.ProcedureJourney.CitizenAsync(server, email);
        (await again.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplements", new { data = new JsonObject { ["extraCopies"] = 1 } })).EnsureSuccessStatusCode();

        Assert.Contains($"Thời hạn giải quyết đang tạm dừng từ 09:00 {monday}", waiting, StringComparison.Ordinal);
        Assert.Contains($"Thời hạn giải quyết đang tạm dừng từ 09:00 {monday}", officerPage, StringComparison.Ordinal);
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

        var dossier = await Issue13_SupplementsRedecideTests.DossierAsync(await server.OfficerAsync("HN-P-BA-DINH"), code);
        var slip = Assert.Single(dossier["timeline"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "Overdue")!;
        var promised = DateOnly.Parse(dossier["dueOn"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(promised.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), slip["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(promised > DateOnly.FromDateTime(server.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime));
    }

    /// <summary>
    /// Moves the shared clock to the next Monday 09:00 (Hanoi) whose two weeks hold no holiday, so a test reads exact
    /// dates whatever ran before it (the clock only moves forward).
    /// </summary>
    private DateOnly StartOnAFreshMonday()
    {
        var calendar = new Dvc.Engine.Core.Calendar.WorkingCalendar();
        var day = DateOnly.FromDateTime(server.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime).AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Monday
            || Enumerable.Range(0, 14).Select(day.AddDays).Any(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !calendar.IsWorkingDay(d)))
        {
            day = day.AddDays(1);
        }

        server.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7)));
        return day;
    }

    /// <summary>Five working days from a Monday 09:00 end with the next Monday.</summary>
    private static string Deadline(DateOnly monday) => $"trước 24:00 ngày {monday.AddDays(7).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}";

    private async Task<string> NotificationAsync(string code)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DvcDbContext>();
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == "notification" && m.PayloadJson.Contains(code)).ToListAsync();
        return string.Join("\n", messages.Select(m => JsonNode.Parse(m.PayloadJson)!["text"]!.GetValue<string>()));
    }
}
