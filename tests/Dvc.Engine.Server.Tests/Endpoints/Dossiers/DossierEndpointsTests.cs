using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Endpoints.Dossiers;

public sealed partial class DossierEndpointsTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    [Fact]
    public async Task Valid_submission_creates_a_dossier_with_a_readable_code()
    {
        var citizen = await server.NewCitizenAsync();

        var response = await citizen.PostAsJsonAsync("/api/v1/dossiers", Submissions.BirthRegistration());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Matches(DossierCode(), body["code"]!.GetValue<string>());
        Assert.Equal(0, body["fee"]!.GetValue<long>());
        Assert.Equal($"/api/v1/dossiers/{body["code"]}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Invalid_submission_answers_400_with_field_errors_keyed_by_json_pointer()
    {
        var citizen = await server.NewCitizenAsync();
        var data = Submissions.TestCaseInput("HN-TP-001", "05-loi-nhap-lieu.json");

        var response = await citizen.PostAsJsonAsync("/api/v1/dossiers", Submissions.BirthRegistration(data));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Contains("/mother/citizenId", errors.Select(e => e.Key));
        Assert.Contains("/child/sex", errors.Select(e => e.Key));
    }

    [Fact]
    public async Task Field_errors_are_in_the_request_culture()
    {
        var citizen = await server.NewCitizenAsync();
        var data = Submissions.TestCaseInput("HN-TP-001", "05-loi-nhap-lieu.json");

        var vi = await ErrorAsync(citizen, data, "vi", "/child/sex");
        var en = await ErrorAsync(citizen, data, "en", "/child/sex");

        Assert.NotEqual(vi, en);
        Assert.Matches("[ạảãàáâậầấẩẫăắằặẳẵđêệềếểễôộồốổỗơớờợởỡưứừựửữ]", vi.ToLowerInvariant());
    }

    [Fact]
    public async Task Ineligible_submission_answers_422_with_each_failed_rules_reason()
    {
        var citizen = await server.NewCitizenAsync();
        var data = Submissions.TestCaseInput("HN-TP-001", "06-cha-nguoi-nuoc-ngoai.json");

        var response = await citizen.PostAsJsonAsync("/api/v1/dossiers", Submissions.BirthRegistration(data));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.EndsWith("/not-eligible", problem["type"]!.GetValue<string>());
        var reasons = problem["reasons"]!.AsArray();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.False(string.IsNullOrWhiteSpace(r!["reason"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Missing_required_attachment_is_a_field_error_of_that_attachment()
    {
        var citizen = await server.NewCitizenAsync();
        var request = new { procedureCode = "HN-TP-001", data = Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json") };

        var response = await citizen.PostAsJsonAsync("/api/v1/dossiers", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Contains("/$attachments/giay-chung-sinh", errors.Select(e => e.Key));
    }

    [Theory]
    [InlineData("image/gif", 1)]
    [InlineData("application/pdf", 6 * 1024 * 1024)]
    public async Task An_attachment_of_the_wrong_type_or_too_large_is_a_field_error(string contentType, int size)
    {
        var citizen = await server.NewCitizenAsync();
        var request = new
        {
            procedureCode = "HN-TP-001",
            data = Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json"),
            attachments = new[]
            {
                new { attachmentId = "giay-chung-sinh", fileName = "scan", contentType, contentBase64 = Convert.ToBase64String(new byte[size]) },
                new { attachmentId = "giay-chung-nhan-ket-hon", fileName = "ket-hon.pdf", contentType = "application/pdf", contentBase64 = Submissions.PdfBase64 },
            },
        };

        var response = await citizen.PostAsJsonAsync("/api/v1/dossiers", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal(["/$attachments/giay-chung-sinh"], errors.Select(e => e.Key));
    }

    [Fact]
    public async Task Resubmitting_with_the_same_idempotency_key_returns_the_same_dossier()
    {
        var citizen = await server.NewCitizenAsync();
        var key = Guid.NewGuid().ToString();

        var first = await SendAsync(citizen, Submissions.BirthRegistration(), key);
        var second = await SendAsync(citizen, Submissions.BirthRegistration(), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await CodeAsync(first), await CodeAsync(second));
        var mine = JsonNode.Parse(await citizen.GetStringAsync("/api/v1/dossiers"))!.AsArray();
        Assert.Single(mine, d => d!["code"] is not null);
    }

    [Fact]
    public async Task Reusing_an_idempotency_key_for_a_different_submission_is_a_conflict()
    {
        var citizen = await server.NewCitizenAsync();
        var key = Guid.NewGuid().ToString();
        var other = Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json");
        other["child"]!["fullName"] = "Lê Minh Khang";

        await SendAsync(citizen, Submissions.BirthRegistration(), key);
        var reused = await SendAsync(citizen, Submissions.BirthRegistration(other), key);

        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
    }

    [Fact]
    public async Task A_citizen_cannot_see_another_citizens_dossier()
    {
        var owner = await server.NewCitizenAsync();
        var stranger = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(owner);

        var asOwner = await owner.GetAsync($"/api/v1/dossiers/{code}");
        var asStranger = await stranger.GetAsync($"/api/v1/dossiers/{code}");
        var strangersFiles = await stranger.GetAsync($"/api/v1/dossiers/{code}/attachments");

        Assert.Equal(HttpStatusCode.OK, asOwner.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, asStranger.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangersFiles.StatusCode);
    }

    [Fact]
    public async Task Public_progress_shows_status_but_no_personal_data()
    {
        var owner = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(owner);
        var anonymous = server.CreateBrowserlessClient();

        var response = await anonymous.PostAsJsonAsync($"/api/v1/dossiers/{code}/progress", new { applicant = "001194023456" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(code, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Trần Thị Mai", body, StringComparison.Ordinal);
        Assert.DoesNotContain("001194023456", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_sees_the_rule_results_that_decided_the_dossier()
    {
        var owner = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(owner);

        var dossier = JsonNode.Parse(await owner.GetStringAsync($"/api/v1/dossiers/{code}"))!;

        Assert.NotEmpty(dossier["rules"]!.AsArray());
        Assert.Equal(2, dossier["attachments"]!.AsArray().Count);
        Assert.Equal("Submitted", dossier["timeline"]![0]!["kind"]!.GetValue<string>());
    }

    private static async Task<string> ErrorAsync(HttpClient client, JsonObject data, string culture, string pointer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/dossiers?culture={culture}") { Content = JsonContent.Create(Submissions.BirthRegistration(data)) };
        var response = await client.SendAsync(request);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!;
        return errors[pointer]![0]!.GetValue<string>();
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<string> CodeAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!.GetValue<string>();

    [GeneratedRegex(@"^HN-2026-[2-9A-Z]{4}-[2-9A-Z]{4}$")]
    private static partial Regex DossierCode();
}
