using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Regressions;

/// <summary>
/// Issue 14, "must be bounded" — tracking: the code alone showed any dossier's progress, codes were a running number
/// (HN-2026-0000001, 0000002…), there was no limit on look-ups, and the public timeline carried task titles. Now a
/// look-up needs the code and the applicant's citizen ID or phone (as the national portal does), is rate limited and
/// shows no submission data; codes are random but still easy to read.
/// </summary>
public sealed class Issue14_TrackingTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    private const string CitizenId = "001194023456";

    [Theory]
    [InlineData(CitizenId)]
    [InlineData("0987654321")]
    [InlineData("+84 987 654 321")]
    [InlineData("0987.654.321")]
    public async Task The_code_with_the_applicants_citizen_id_or_phone_shows_the_progress(string applicant)
    {
        var code = await Submissions.SubmitBirthRegistrationAsync(await server.NewCitizenAsync());

        var response = await Anonymous().PostAsJsonAsync($"/api/v1/dossiers/{code.ToLowerInvariant()}/progress", new { applicant });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(code, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_code_alone_or_with_someone_elses_id_shows_nothing_and_reads_like_an_unknown_code()
    {
        var code = await Submissions.SubmitBirthRegistrationAsync(await server.NewCitizenAsync());
        var client = Anonymous();

        var alone = await client.PostAsJsonAsync($"/api/v1/dossiers/{code}/progress", new { });
        var wrong = await client.PostAsJsonAsync($"/api/v1/dossiers/{code}/progress", new { applicant = "001092034567" });
        var unknown = await client.PostAsJsonAsync("/api/v1/dossiers/HN-2026-2222-2222/progress", new { applicant = CitizenId });
        var oldStyle = await client.GetAsync($"/api/v1/dossiers/{code}/progress");

        Assert.Equal(HttpStatusCode.NotFound, alone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, oldStyle.StatusCode);
        Assert.Equal(Title(await unknown.Content.ReadAsStringAsync()), Title(await wrong.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_public_view_carries_no_submission_data_not_even_task_titles()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        var task = (await Inbox.OpenTaskAsync(officer, code))!;
        var outcome = task["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()).First(o => o is not "Reject" and not "RequestSupplement");
        (await Inbox.CompleteAsync(officer, task, outcome, "Hồ sơ của chị Trần Thị Mai đầy đủ.")).EnsureSuccessStatusCode();

        var body = await (await Anonymous().PostAsJsonAsync($"/api/v1/dossiers/{code}/progress", new { applicant = CitizenId })).Content.ReadAsStringAsync();

        var data = Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json");
        Assert.DoesNotContain(data["applicant"]!["fullName"]!.GetValue<string>(), body, StringComparison.Ordinal);
        Assert.DoesNotContain(data["child"]!["fullName"]!.GetValue<string>(), body, StringComparison.Ordinal);
        Assert.DoesNotContain(CitizenId, body, StringComparison.Ordinal);
        Assert.DoesNotContain("0987654321", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Trần Thị Mai", body, StringComparison.Ordinal);
        Assert.DoesNotContain(task["title"]!.GetValue<string>(), body, StringComparison.Ordinal);
        Assert.Contains("Hoàn thành một bước xử lý", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Look_ups_from_one_address_are_rate_limited()
    {
        using var strict = DvcServerFactory.With(("Dvc:Throttling:TrackingPerAddressPerMinute", "3"));
        var client = strict.CreateBrowserlessClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await client.PostAsJsonAsync($"/api/v1/dossiers/HN-2026-2222-222{i + 2}/progress", new { applicant = CitizenId })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task A_throttled_look_up_on_the_page_is_the_portals_page_saying_how_long_to_wait()
    {
        using var strict = DvcServerFactory.With(("Dvc:Throttling:TrackingPerAddressPerMinute", "1"));
        var visitor = strict.CreateBrowserlessClient();
        var (_, token) = await PageForms.GetAsync(visitor, "/track");
        (await PageForms.PostAsync(visitor, "/track", token, [new("code", "HN-2026-2222-2222"), new("applicant", CitizenId)])).EnsureSuccessStatusCode();

        var throttled = await PageForms.PostAsync(visitor, "/track", token, [new("code", "HN-2026-2222-2223"), new("applicant", CitizenId)]);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter);
        Assert.StartsWith("text/html", throttled.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var page = await throttled.Content.ReadAsStringAsync();
        Assert.Contains("Bạn đã thử quá nhiều lần. Vui lòng thử lại sau 1 phút.", page, StringComparison.Ordinal);
        Assert.Contains("<nav", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tracking_page_asks_for_the_id_and_posts_it_outside_the_address()
    {
        var code = await Submissions.SubmitBirthRegistrationAsync(await server.NewCitizenAsync());
        var visitor = Anonymous();
        var (page, token) = await PageForms.GetAsync(visitor, $"/track?code={code}");

        var without = await (await PageForms.PostAsync(visitor, "/track", token, [new("code", code)])).Content.ReadAsStringAsync();
        var with = await (await PageForms.PostAsync(visitor, "/track", token, [new("code", code), new("applicant", CitizenId)])).Content.ReadAsStringAsync();

        Assert.Contains("id=\"applicant\"", page, StringComparison.Ordinal);
        Assert.Contains("method=\"post\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"progress\"", without, StringComparison.Ordinal);
        Assert.Contains("id=\"progress\"", with, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consecutive_codes_share_nothing_a_guesser_could_use()
    {
        var citizen = await server.NewCitizenAsync();

        var first = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var second = await Submissions.SubmitBirthRegistrationAsync(citizen);

        Assert.Matches("^HN-2026-[2-9A-Z]{4}-[2-9A-Z]{4}$", first);
        Assert.NotEqual(first[8..], second[8..]);
    }

    private HttpClient Anonymous() => server.CreateBrowserlessClient();

    private static string Title(string problem) => JsonNode.Parse(problem)!["title"]!.GetValue<string>();
}
