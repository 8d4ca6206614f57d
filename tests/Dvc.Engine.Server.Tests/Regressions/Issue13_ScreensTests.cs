using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Regressions;

/// <summary>Issue 13 §3: officer and citizen screens people can read — labels not ids, deadlines side by side, search.</summary>
public sealed partial class Issue13_ScreensTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    private static readonly string[] InternalNames = ["RequestSupplement", "notify-supplement", "waiting-supplement", "AwaitingSupplement", "Supplemented", "Dvc."];

    [Fact]
    public async Task No_internal_name_reaches_the_task_page_the_dossier_page_or_the_history()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        await Issue13_SupplementsRedecideTests.RequestAsync(officer, code, "Ghi rõ số bản sao.", fields: ["/extraCopies"]);
        (await citizen.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplements", new { data = new JsonObject { ["extraCopies"] = 1 } })).EnsureSuccessStatusCode();
        var task = (await Inbox.OpenTaskAsync(officer, code))!;

        var taskPage = Visible(await officer.GetStringAsync($"/inbox/{task["id"]}"));
        var citizenPage = Visible(await citizen.GetStringAsync($"/dossiers/{code}"));

        foreach (var name in InternalNames)
        {
            Assert.DoesNotContain(name, taskPage, StringComparison.Ordinal);
            Assert.DoesNotContain(name, citizenPage, StringComparison.Ordinal);
        }

        Assert.Contains("Yêu cầu bổ sung hồ sơ", taskPage, StringComparison.Ordinal);
        Assert.Contains("Tiếp nhận hồ sơ", taskPage, StringComparison.Ordinal);
        Assert.Equal("Tiếp nhận hồ sơ", task["outcomeLabels"]!["Accept"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_officers_comment_appears_once_in_the_history()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        const string Comment = "Đề nghị ghi rõ số bản sao trích lục cần cấp.";

        await Issue13_SupplementsRedecideTests.RequestAsync(officer, code, Comment, fields: ["/extraCopies"]);

        var timeline = (await Issue13_SupplementsRedecideTests.DossierAsync(officer, code))["timeline"]!.AsArray();
        Assert.Single(timeline, e => e!["detail"]?.GetValue<string>() == Comment);
    }

    [Fact]
    public async Task The_task_page_shows_the_dossiers_legal_deadline_beside_the_steps_due_date()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        var task = (await Inbox.OpenTaskAsync(officer, code))!;
        var due = (await Issue13_SupplementsRedecideTests.DossierAsync(officer, code))["dueOn"]!.GetValue<string>();

        var page = await officer.GetStringAsync($"/inbox/{task["id"]}");

        Assert.Contains("id=\"step-due\"", page, StringComparison.Ordinal);
        var legal = DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"<dd id=\"legal-due\">{legal}</dd>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_read_only_dossier_view_follows_the_forms_order()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);

        var page = await citizen.GetStringAsync($"/dossiers/{code}");

        // "Cha, mẹ": mother (group, 5), fatherKnown (6), father (group, 7), parentsMarried (8) — not groups first.
        var mother = page.IndexOf(">Thông tin người mẹ</h3>", StringComparison.Ordinal);
        var fatherKnown = page.IndexOf(">Khai thông tin người cha</dt>", StringComparison.Ordinal);
        var father = page.IndexOf(">Thông tin người cha</h3>", StringComparison.Ordinal);
        var married = page.IndexOf(">Cha, mẹ đã đăng ký kết hôn</dt>", StringComparison.Ordinal);
        Assert.True(mother > 0 && mother < fatherKnown && fatherKnown < father && father < married, $"{mother} {fatherKnown} {father} {married}");
    }

    [Theory]
    [InlineData("/inbox", "canbo.hn-p-ba-dinh@dvc.local", "CanBo@2026")]
    [InlineData("/", "congdan@dvc.local", "CongDan@2026")]
    public async Task After_sign_in_officers_land_on_their_inbox_and_citizens_on_the_portal(string landing, string email, string password)
    {
        var client = server.CreateBrowserlessClient();
        var (_, token) = await PageForms.GetAsync(client, "/account/login");

        var response = await PageForms.PostAsync(client, "/account/login", token, [new("email", email), new("password", password)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(landing, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_inbox_finds_a_dossier_by_code_by_name_without_diacritics_and_by_citizen_id()
    {
        var email = $"tim-{Guid.NewGuid():N}@test.local";
        var client = server.CreateBrowserlessClient();
        (await client.PostAsJsonAsync("/api/v1/accounts", new { email, fullName = "Đỗ Thị Hồng Nhung", password = "MatKhau@2026" })).EnsureSuccessStatusCode();
        await DvcServerFactory.SignInAsync(client, email, "MatKhau@2026");
        var code = await Submissions.SubmitBirthRegistrationAsync(client);
        var citizenId = Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json")["applicant"]!["citizenId"]!.GetValue<string>();
        var officer = await server.OfficerAsync("HN-P-BA-DINH");

        async Task<string[]> SearchAsync(string q) =>
            [.. JsonNode.Parse(await officer.GetStringAsync($"/api/v1/tasks?search={Uri.EscapeDataString(q)}"))!.AsArray().Select(t => t!["dossierCode"]!.GetValue<string>())];

        Assert.Equal([code], await SearchAsync(code));
        Assert.Contains(code, await SearchAsync("do thi hong nhung"));
        Assert.Contains(code, await SearchAsync(citizenId));
        Assert.Empty(await SearchAsync("khong co ai ten nay"));
        Assert.Contains(code, await officer.GetStringAsync($"/inbox?q={Uri.EscapeDataString("Nhung")}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_does_not_go_back_when_a_supplement_is_asked_during_processing()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        (await Inbox.CompleteAsync(officer, (await Inbox.OpenTaskAsync(officer, code))!, "Accept")).EnsureSuccessStatusCode();
        var processing = await ProgressAsync(code);

        await Issue13_SupplementsRedecideTests.RequestAsync(officer, code, "Bổ sung bản chụp giấy chứng sinh.", attachments: ["giay-chung-sinh"]);

        Assert.Equal("AwaitingSupplement", await Inbox.StatusAsync(citizen, code));
        Assert.True(await ProgressAsync(code) >= processing);
    }

    [Fact]
    public async Task A_refusal_before_payment_never_promises_a_refund_and_one_after_payment_does()
    {
        var officer = await server.OfficerAsync("HN-CATP-CSGT");
        var citizen = await server.NewCitizenAsync();
        var refusedEarly = await Submissions.SubmitAsync(citizen, Submissions.DrivingPermit());
        var refusedLate = await Submissions.SubmitAsync(citizen, Submissions.DrivingPermit());

        (await Inbox.CompleteAsync(officer, (await Inbox.OpenTaskAsync(officer, refusedEarly))!, "Reject", "Ảnh chân dung không đúng quy cách.")).EnsureSuccessStatusCode();
        (await Inbox.CompleteAsync(officer, (await Inbox.OpenTaskAsync(officer, refusedLate))!, "Accept")).EnsureSuccessStatusCode();
        (await citizen.PostAsync($"/api/v1/dossiers/{refusedLate}/payments", null)).EnsureSuccessStatusCode();
        (await Inbox.CompleteAsync(officer, (await Inbox.OpenTaskAsync(officer, refusedLate))!, "Reject", "Giấy phép lái xe không còn giá trị.")).EnsureSuccessStatusCode();

        Assert.DoesNotContain("hoàn trả", await citizen.GetStringAsync($"/api/v1/dossiers/{refusedEarly}/result"), StringComparison.Ordinal);
        Assert.Contains("Lệ phí đã nộp (135.000 đ) sẽ được hoàn trả", await citizen.GetStringAsync($"/api/v1/dossiers/{refusedLate}/result"), StringComparison.Ordinal);
    }

    private async Task<int> ProgressAsync(string code) =>
        JsonNode.Parse(await server.CreateBrowserlessClient().GetStringAsync($"/api/v1/dossiers/{code}/progress"))!["progress"]!.GetValue<int>();

    /// <summary>The text a person reads: tags, attribute values and scripts removed.</summary>
    private static string Visible(string html) => System.Net.WebUtility.HtmlDecode(Tags().Replace(Scripts().Replace(html, " "), " "));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("<script[^>]*>.*?</script>", RegexOptions.Singleline)]
    private static partial Regex Scripts();
}
