using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Regressions;

/// <summary>
/// Issue 14, item 7: text that is not text (invalid UTF-8 bytes, a lone UTF-16 surrogate) and dates past the end of
/// the calendar were 500s. Each is the client's mistake: a 400 problem naming the field (inside <c>data</c>, by the
/// same pointer as the form's own field errors; elsewhere in the body, by its pointer in the body).
/// </summary>
public sealed class Issue14_BadInputIsA400Tests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    /// <summary>The birth registration with the applicant's name replaced by <paramref name="rawName"/>, as raw JSON bytes.</summary>
    private static byte[] SubmissionWithName(byte[] rawName)
    {
        var data = Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json");
        data["applicant"]!["fullName"] = "__NAME__";
        var body = new JsonObject
        {
            ["procedureCode"] = "HN-TP-001",
            ["data"] = data,
            ["attachments"] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Submissions.BirthAttachments())),
        }.ToJsonString();
        var marker = Encoding.UTF8.GetBytes("__NAME__");
        var bytes = Encoding.UTF8.GetBytes(body);
        var at = bytes.AsSpan().IndexOf(marker);
        return [.. bytes[..at], .. rawName, .. bytes[(at + marker.Length)..]];
    }

    public static TheoryData<string, byte[]> BadStrings => new()
    {
        { "lone surrogate", "\\ud800"u8.ToArray() },
        { "invalid UTF-8", [0x41, 0xC3, 0x28, 0x42] },
        { "overlong UTF-8", [0xC0, 0xAF] },
    };

    [Theory]
    [MemberData(nameof(BadStrings))]
    public async Task A_bad_string_in_a_submission_is_a_400_naming_the_field(string why, byte[] raw)
    {
        var citizen = await server.NewCitizenAsync();

        var response = await PostRawAsync(citizen, "/api/v1/dossiers", SubmissionWithName(raw));

        await AssertFieldErrorAsync(response, "/applicant/fullName", why);
    }

    [Theory]
    [MemberData(nameof(BadStrings))]
    public async Task A_bad_string_in_an_assessment_is_a_400_naming_the_field(string why, byte[] raw)
    {
        var client = server.CreateBrowserlessClient();
        var body = Encoding.UTF8.GetBytes("""{"data":{"applicant":{"fullName":"X"}}}""");
        var at = body.AsSpan().IndexOf("\"X\""u8) + 1;

        var response = await PostRawAsync(client, "/api/v1/procedures/HN-TP-001/assessments", [.. body[..at], .. raw, .. body[(at + 1)..]]);

        await AssertFieldErrorAsync(response, "/applicant/fullName", why);
    }

    [Theory]
    [MemberData(nameof(BadStrings))]
    public async Task A_bad_string_in_a_supplement_is_a_400_naming_the_field(string why, byte[] raw)
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        (await Inbox.CompleteAsync(officer, (await Inbox.OpenTaskAsync(officer, code))!, "RequestSupplement", "Ghi lại họ tên.")).EnsureSuccessStatusCode();

        var note = await PostRawAsync(citizen, $"/api/v1/dossiers/{code}/supplements", [.. "{\"note\":\""u8.ToArray(), .. raw, .. "\"}"u8.ToArray()]);
        var data = await PostRawAsync(citizen, $"/api/v1/dossiers/{code}/supplements", [.. "{\"data\":{\"applicant\":{\"fullName\":\""u8.ToArray(), .. raw, .. "\"}}}"u8.ToArray()]);
        var key = await PostRawAsync(citizen, $"/api/v1/dossiers/{code}/supplements", [.. "{\"data\":{\""u8.ToArray(), .. raw, .. "\":1}}"u8.ToArray()]);

        await AssertFieldErrorAsync(note, "/note", why);
        await AssertFieldErrorAsync(data, "/applicant/fullName", why);
        await AssertFieldErrorAsync(key, "", why);
    }

    [Theory]
    [InlineData("/api/v1/dossiers", """{"procedureCode":"HN-TP-001","data":{"child":{"fullName":"A","fullName":"B"}}}""")]
    [InlineData("/api/v1/procedures/HN-TP-001/assessments", """{"data":{"x":1,"x":2}}""")]
    public async Task A_member_sent_twice_is_a_400_at_its_object_not_a_500(string path, string body)
    {
        var citizen = await server.NewCitizenAsync();

        var response = await PostRawAsync(citizen, path, Encoding.UTF8.GetBytes(body));

        await AssertFieldErrorAsync(response, body.Contains("child", StringComparison.Ordinal) ? "/child" : "", "duplicate member");
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public async Task A_task_filter_at_either_end_of_the_calendar_is_a_400_naming_the_field(string dueBefore)
    {
        var officer = await server.OfficerAsync("HN-P-BA-DINH");

        var response = await officer.GetAsync($"/api/v1/tasks?dueBefore={dueBefore}");

        await AssertFieldErrorAsync(response, "/dueBefore", dueBefore);
    }

    [Theory]
    [InlineData("31/12/9999")]
    [InlineData("01/01/0001")]
    [InlineData("hôm qua")]
    public async Task An_inbox_filter_date_that_is_not_a_usable_date_is_a_400_page_with_the_field_error(string dueBefore)
    {
        var officer = await server.OfficerAsync("HN-P-BA-DINH");

        var response = await officer.GetAsync("/inbox?DueBefore=" + Uri.EscapeDataString(dueBefore));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"dueBefore-error\"", html, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, string path, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await client.PostAsync(path, content);
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string pointer, string why)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode} {body}");
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        var errors = problem["errors"]?.AsObject();
        Assert.True(errors is not null && errors.ContainsKey(pointer), $"{why}: expected an error at {pointer}: {body}");
    }
}
