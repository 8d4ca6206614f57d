using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Endpoints.Dossiers;

/// <summary>Payment, assisted submission and statistics: what happens to a dossier after it is filed.</summary>
public abstract class DossierLifecycleTests(DvcServerFactory server)
{
    [Fact]
    public async Task A_level_4_dossier_waits_for_payment_after_reception_and_continues_once_paid()
    {
        var citizen = await server.NewCitizenAsync();
        var submitted = await citizen.PostAsJsonAsync("/api/v1/dossiers", Submissions.DrivingPermit());
        var receipt = JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!;
        var code = receipt["code"]!.GetValue<string>();
        var officer = await server.OfficerAsync("HN-CATP-CSGT");

        var reception = await Inbox.OpenTaskAsync(officer, code);
        (await Inbox.CompleteAsync(officer, reception!, "Accept")).EnsureSuccessStatusCode();
        var waiting = await Inbox.StatusAsync(citizen, code);
        var paid = await citizen.PostAsync($"/api/v1/dossiers/{code}/payments", null);
        var after = await Inbox.StatusAsync(citizen, code);
        var next = await Inbox.OpenTaskAsync(officer, code);

        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.Equal(135000, receipt["fee"]!.GetValue<long>());
        Assert.Equal("AwaitingPayment", waiting);
        Assert.Equal(HttpStatusCode.NoContent, paid.StatusCode);
        Assert.Equal("Processing", after);
        Assert.Equal("chuyen-vien", next!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Paying_a_dossier_that_does_not_wait_for_payment_is_a_conflict()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);

        var response = await citizen.PostAsync($"/api/v1/dossiers/{code}/payments", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task An_officer_can_file_for_a_citizen_who_then_owns_the_dossier()
    {
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        var email = $"nho-nop-ho-{Guid.NewGuid():N}@test.local";
        var request = new
        {
            procedureCode = "HN-TP-001",
            data = Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json"),
            attachments = Submissions.BirthAttachments(),
            onBehalfOf = new { email, fullName = "Trần Thị Mai" },
        };

        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", request);
        var code = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!.GetValue<string>();
        var dossier = JsonNode.Parse(await officer.GetStringAsync($"/api/v1/dossiers/{code}"))!;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Cán bộ Ủy ban nhân dân phường Ba Đình", dossier["assistedBy"]!.GetValue<string>());
        Assert.Equal(code, Assert.Single(await ApplicantDossiersAsync(email))!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Statistics_count_received_and_resolved_dossiers_from_their_events()
    {
        var citizen = await server.NewCitizenAsync();
        var before = await TotalsAsync();
        var resolved = await Submissions.SubmitBirthRegistrationAsync(citizen);
        await Submissions.SubmitBirthRegistrationAsync(citizen);
        await Inbox.ApproveAllAsync(await server.OfficerAsync("HN-P-BA-DINH"), resolved);

        var after = await TotalsAsync();

        Assert.Equal(before.Received + 2, after.Received);
        Assert.Equal(before.Resolved + 1, after.Resolved);
        Assert.Equal(before.OnTime + 1, after.OnTime);
    }

    [Fact]
    public async Task Statistics_show_the_average_rating_of_the_agency()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        await Inbox.ApproveAllAsync(await server.OfficerAsync("HN-P-BA-DINH"), code);
        (await citizen.PostAsJsonAsync($"/api/v1/dossiers/{code}/ratings", new { rating = 4, feedback = "Tốt" })).EnsureSuccessStatusCode();

        var report = JsonNode.Parse(await server.CreateBrowserlessClient().GetStringAsync("/api/v1/statistics"))!;
        var agency = report["byAgency"]!.AsArray().Single(r => r!["key"]!.GetValue<string>() == "HN-P-BA-DINH")!;

        Assert.True(agency["ratings"]!.GetValue<int>() >= 1);
        Assert.InRange(agency["averageRating"]!.GetValue<decimal>(), 1m, 5m);
    }

    private async Task<(int Received, int Resolved, int OnTime)> TotalsAsync()
    {
        var total = JsonNode.Parse(await server.CreateBrowserlessClient().GetStringAsync("/api/v1/statistics"))!["total"]!;
        return (total["received"]!.GetValue<int>(), total["resolved"]!.GetValue<int>(), total["onTime"]!.GetValue<int>());
    }

    /// <summary>The assisted citizen has no password yet; an admin-created password lets the test sign in as them.</summary>
    private async Task<JsonArray> ApplicantDossiersAsync(string email)
    {
        using var scope = server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Dvc.Engine.Persistence.Identity.DvcUser>>();
        var user = await users.FindByEmailAsync(email);
        await users.AddPasswordAsync(user!, "MatKhau@2026");
        var client = server.CreateBrowserlessClient();
        await DvcServerFactory.SignInAsync(client, email, "MatKhau@2026");
        return JsonNode.Parse(await client.GetStringAsync("/api/v1/dossiers"))!.AsArray();
    }
}

public sealed class DossierLifecycleOnSqliteTests(DvcServerFactory server) : DossierLifecycleTests(server), IClassFixture<DvcServerFactory>;

public sealed class DossierLifecycleOnPostgresTests(PostgresServerFactory postgres) : DossierLifecycleTests(postgres.Server), IClassFixture<PostgresServerFactory>;
