using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Endpoints.Tasks;

public abstract class TaskEndpointsTests(DvcServerFactory server)
{
    private const string Commune = "HN-P-BA-DINH";
    private const string TrafficPolice = "HN-CATP-CSGT";

    [Fact]
    public async Task An_officer_sees_the_task_of_a_dossier_submitted_to_their_agency()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync(Commune);

        var task = await Inbox.OpenTaskAsync(officer, code);

        Assert.NotNull(task);
        Assert.Equal(Commune, task["agencyCode"]!.GetValue<string>());
        Assert.NotEmpty(task["outcomes"]!.AsArray());
    }

    [Fact]
    public async Task The_first_task_comes_from_the_procedures_own_workflow()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);

        var task = await Inbox.OpenTaskAsync(await server.OfficerAsync(Commune), code);

        // HN-TP-001 workflow.json: the "reception" Dvc.HumanTask of role tiep-nhan offers these outcomes.
        Assert.Equal("tiep-nhan", task!["role"]!.GetValue<string>());
        Assert.Equal(["Accept", "RequestSupplement", "Reject"], task["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal("Kiểm tra, tiếp nhận hồ sơ", task["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_workflow_log_is_in_the_officers_history_but_not_the_citizens()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync(Commune);

        var asOfficer = JsonNode.Parse(await officer.GetStringAsync($"/api/v1/dossiers/{code}"))!["timeline"]!.AsArray();
        var asCitizen = JsonNode.Parse(await citizen.GetStringAsync($"/api/v1/dossiers/{code}"))!["timeline"]!.AsArray();

        // HN-TP-001 workflow.json starts with an Elsa.WriteLine.
        Assert.Contains(asOfficer, e => e!["title"]!.GetValue<string>() == "Tiếp nhận hồ sơ thủ tục HN-TP-001");
        Assert.DoesNotContain(asCitizen, e => e!["kind"]!.GetValue<string>() == "Log");
    }

    [Fact]
    public async Task An_officer_of_another_agency_can_neither_see_nor_complete_the_task()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var task = await Inbox.OpenTaskAsync(await server.OfficerAsync(Commune), code);
        var outsider = await server.OfficerAsync(TrafficPolice);

        var listed = await Inbox.OpenTaskAsync(outsider, code);
        var opened = await outsider.GetAsync($"/api/v1/tasks/{task!["id"]}");
        var completed = await Inbox.CompleteAsync(outsider, task, task["outcomes"]![0]!.GetValue<string>());
        var dossier = await outsider.GetAsync($"/api/v1/dossiers/{code}");

        Assert.Null(listed);
        Assert.Equal(HttpStatusCode.NotFound, opened.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, completed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, dossier.StatusCode);
    }

    [Fact]
    public async Task A_citizen_cannot_use_the_task_api()
    {
        var citizen = await server.NewCitizenAsync();

        var response = await citizen.GetAsync("/api/v1/tasks");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Claiming_a_task_shows_who_handles_it_and_another_claim_is_a_conflict()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync(Commune);
        var admin = server.CreateBrowserlessClient();
        await DvcServerFactory.SignInAsync(admin, $"lanhdao.{Commune.ToLowerInvariant()}@dvc.local", "CanBo@2026");
        var task = await Inbox.OpenTaskAsync(officer, code);

        var claimed = await officer.PostAsync($"/api/v1/tasks/{task!["id"]}/claim", null);
        var again = await admin.PostAsync($"/api/v1/tasks/{task["id"]}/claim", null);
        var after = await Inbox.OpenTaskAsync(officer, code);

        Assert.Equal(HttpStatusCode.NoContent, claimed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Claimed", after!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Releasing_a_finished_task_says_it_is_finished_not_that_someone_else_holds_it()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync(Commune);
        var task = await Inbox.OpenTaskAsync(officer, code);
        (await Inbox.CompleteAsync(officer, task!, "RequestSupplement", "Đề nghị chụp lại giấy chứng sinh.")).EnsureSuccessStatusCode();

        var released = await officer.DeleteAsync($"/api/v1/tasks/{task!["id"]}/claim");

        Assert.Equal(HttpStatusCode.Conflict, released.StatusCode);
        Assert.Equal("Công việc đã hoàn thành.", JsonNode.Parse(await released.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_status_filter_is_a_400_and_the_known_ones_ignore_case()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync(Commune);

        var typo = await officer.GetAsync("/api/v1/tasks?status=Opn");
        var lower = JsonNode.Parse(await officer.GetStringAsync("/api/v1/tasks?status=open"))!.AsArray();

        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Equal("Trạng thái lọc phải là một trong: Open, Claimed, Completed.", JsonNode.Parse(await typo.Content.ReadAsStringAsync())!["errors"]!["/status"]![0]!.GetValue<string>());
        Assert.Contains(lower, t => t!["dossierCode"]!.GetValue<string>() == code);
        Assert.All(lower, t => Assert.Equal("Open", t!["status"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("Reject")]
    [InlineData("RequestSupplement")]
    public async Task Refusing_or_asking_for_more_needs_a_message(string outcome)
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync(Commune);
        var task = await Inbox.OpenTaskAsync(officer, code);

        var response = await Inbox.CompleteAsync(officer, task!, outcome, comment: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Contains("/comment", errors.Select(e => e.Key));
    }

    [Fact]
    public async Task Supplement_request_then_supplement_then_approval_gives_the_citizen_a_result()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync(Commune);

        var first = await Inbox.OpenTaskAsync(officer, code);
        (await Inbox.CompleteAsync(officer, first!, "RequestSupplement", "Bổ sung bản chụp rõ nét giấy chứng sinh.")).EnsureSuccessStatusCode();
        var waiting = await Inbox.StatusAsync(citizen, code);
        var supplement = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplements", new
        {
            note = "Đã chụp lại giấy chứng sinh.",
            attachments = new[] { new { attachmentId = "giay-chung-sinh", fileName = "giay-chung-sinh-2.pdf", contentType = "application/pdf", contentBase64 = Submissions.PdfBase64 } },
        });
        await Inbox.ApproveAllAsync(officer, code);
        var final = await Inbox.StatusAsync(citizen, code);
        var result = await citizen.GetAsync($"/api/v1/dossiers/{code}/result");

        Assert.Equal("AwaitingSupplement", waiting);
        Assert.Equal(HttpStatusCode.NoContent, supplement.StatusCode);
        Assert.True(final is "Approved" or "Completed", final);
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Contains("Lê Minh Khôi", await result.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_finished_dossier_can_be_rated_once()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        await Inbox.ApproveAllAsync(await server.OfficerAsync(Commune), code);

        var first = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{code}/ratings", new { rating = 5, feedback = "Nhanh, đúng hẹn." });
        var second = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{code}/ratings", new { rating = 1, feedback = "" });

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }
}

public sealed class TaskEndpointsOnSqliteTests(DvcServerFactory server) : TaskEndpointsTests(server), IClassFixture<DvcServerFactory>;

public sealed class TaskEndpointsOnPostgresTests(PostgresServerFactory postgres) : TaskEndpointsTests(postgres.Server), IClassFixture<PostgresServerFactory>;
