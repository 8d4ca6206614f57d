using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Regressions;

/// <summary>
/// Issue 13, §2: all 126 communes shared one agency, so one commune's officer saw every commune's dossiers. A
/// commune procedure now goes to the People's Committee of the commune the citizen picks, and only its officers see it.
/// </summary>
public sealed class Issue13_OneAgencyPerCommuneTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    private const string BaDinh = "HN-P-BA-DINH";
    private const string KimLien = "HN-P-KIM-LIEN";

    private static async Task<string> SubmitBirthAsync(HttpClient citizen, string commune)
    {
        var data = Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json");
        data["registrationCommune"] = commune;
        var response = await citizen.PostAsJsonAsync("/api/v1/dossiers", Submissions.BirthRegistration(data));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!.GetValue<string>();
    }

    [Theory]
    [InlineData("Phường Ba Đình", BaDinh, "Ủy ban nhân dân phường Ba Đình")]
    [InlineData("Phường Kim Liên", KimLien, "Ủy ban nhân dân phường Kim Liên")]
    public async Task A_birth_registration_goes_to_the_peoples_committee_of_the_commune_picked(string commune, string agency, string name)
    {
        var citizen = await server.NewCitizenAsync();

        var code = await SubmitBirthAsync(citizen, commune);

        var dossier = JsonNode.Parse(await citizen.GetStringAsync($"/api/v1/dossiers/{code}"))!;
        Assert.Equal(agency, dossier["agencyCode"]!.GetValue<string>());
        Assert.Equal(name, dossier["agencyName"]!["vi"]!.GetValue<string>());
        Assert.Equal(agency, (await Inbox.OpenTaskAsync(await server.OfficerAsync(agency), code))?["agencyCode"]?.GetValue<string>());
    }

    [Fact]
    public async Task An_officer_of_one_commune_cannot_list_open_or_act_on_another_communes_dossier()
    {
        var code = await SubmitBirthAsync(await server.NewCitizenAsync(), "Phường Kim Liên");
        var own = await server.OfficerAsync(KimLien);
        var task = (await Inbox.OpenTaskAsync(own, code))!;
        var attachment = JsonNode.Parse(await own.GetStringAsync($"/api/v1/dossiers/{code}"))!["attachments"]![0]!["id"]!.GetValue<string>();
        var other = await server.OfficerAsync(BaDinh);

        var listed = await Inbox.OpenTaskAsync(other, code);
        var inboxPage = await other.GetStringAsync("/inbox");
        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["GET dossier"] = await other.GetAsync($"/api/v1/dossiers/{code}"),
            ["GET dossier page"] = await other.GetAsync($"/dossiers/{code}"),
            ["GET attachment"] = await other.GetAsync($"/api/v1/dossiers/{code}/attachments/{attachment}"),
            ["GET task"] = await other.GetAsync($"/api/v1/tasks/{task["id"]}"),
            ["GET task page"] = await other.GetAsync($"/inbox/{task["id"]}"),
            ["GET task attachment"] = await other.GetAsync($"/api/v1/tasks/{task["id"]}/attachments/{attachment}"),
            ["POST claim"] = await other.PostAsync($"/api/v1/tasks/{task["id"]}/claim", null),
            ["POST completion"] = await Inbox.CompleteAsync(other, task, "Accept"),
        };

        Assert.Null(listed);
        Assert.DoesNotContain(code, inboxPage, StringComparison.Ordinal);
        Assert.All(responses, r => Assert.True(r.Value.StatusCode == HttpStatusCode.NotFound, $"{r.Key}: {(int)r.Value.StatusCode}"));
        Assert.Equal("Open", (await Inbox.OpenTaskAsync(own, code))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Statistics_count_each_commune_on_its_own_dossiers()
    {
        var citizen = await server.NewCitizenAsync();
        await SubmitBirthAsync(citizen, "Phường Ba Đình");
        await SubmitBirthAsync(citizen, "Phường Kim Liên");

        var rows = JsonNode.Parse(await server.CreateBrowserlessClient().GetStringAsync("/api/v1/statistics"))!["byAgency"]!.AsArray();

        Assert.Contains(rows, r => r!["key"]!.GetValue<string>() == KimLien && r["label"]!["vi"]!.GetValue<string>() == "Ủy ban nhân dân phường Kim Liên");
        Assert.Contains(rows, r => r!["key"]!.GetValue<string>() == BaDinh && r["received"]!.GetValue<int>() >= 1);
        Assert.DoesNotContain(rows, r => r!["key"]!.GetValue<string>() == "HN-UBND-XA");
    }

    [Fact]
    public async Task A_commune_officers_inbox_offers_the_commune_procedures_not_the_departments()
    {
        var officer = await server.OfficerAsync(BaDinh);

        var page = await officer.GetStringAsync("/inbox");

        Assert.Contains("value=\"HN-TP-001\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"HN-KHDT-001\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"HN-GTVT-001\"", page, StringComparison.Ordinal);
        Assert.Contains("Ủy ban nhân dân phường Ba Đình", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("canbo.hn-p-hoan-kiem@dvc.local", true)]
    [InlineData("lanhdao.hn-x-van-dinh@dvc.local", true)]
    [InlineData("canbo.hn-stp@dvc.local", true)]
    [InlineData("canbo.hn-ubnd-xa@dvc.local", false)]
    public async Task Demo_officers_exist_for_a_few_communes_and_not_for_the_group(string email, bool exists)
    {
        var client = server.CreateBrowserlessClient();

        var response = await client.PostAsJsonAsync("/api/v1/session", new { email, password = "CanBo@2026" });

        Assert.Equal(exists, response.IsSuccessStatusCode);
    }
}
