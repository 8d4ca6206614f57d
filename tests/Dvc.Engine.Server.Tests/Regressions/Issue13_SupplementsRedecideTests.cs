using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Persistence;
using Dvc.Engine.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dvc.Engine.Server.Tests.Regressions;

/// <summary>
/// Issue 13 §1: a supplement's data reached neither the fee nor eligibility nor the workflow. Now the corrected
/// dossier is decided again as of its submission date, the officer sees old → new, and the workflow (payment,
/// result) works on the corrected data; a correction that fails is refused and changes nothing.
/// </summary>
public sealed class Issue13_SupplementsRedecideTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    private static readonly string[] UnknownFields = ["/extraCopies", "/khongCo"];
    private static readonly string[] UnknownAttachments = ["giay-khong-co"];

    [Fact]
    public async Task Extra_copies_sent_as_a_supplement_change_the_fee_the_trace_and_the_payment_asked()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        await RequestAsync(officer, code, "Ghi rõ số bản sao trích lục cần cấp.", fields: ["/extraCopies"]);

        var response = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplements", new { data = new JsonObject { ["extraCopies"] = 8 } });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var dossier = await DossierAsync(officer, code);
        Assert.Equal(64000, dossier["fee"]!.GetValue<long>());
        var copies = dossier["rules"]!.AsArray().Single(r => r!["workflow"]!.GetValue<string>() == "fees" && r["inputs"]!.AsObject().ContainsKey("/extraCopies"))!;
        Assert.True(copies["passed"]!.GetValue<bool>());
        Assert.Equal(64000, copies["amount"]!.GetValue<long>());
        Assert.Equal(8, copies["inputs"]!["/extraCopies"]!.GetValue<int>());
        var change = Assert.Single(dossier["supplements"]!.AsArray()[0]!["changes"]!.AsArray())!;
        Assert.Equal(("/extraCopies", 0, 8), (change["pointer"]!.GetValue<string>(), change["old"]!.GetValue<int>(), change["new"]!.GetValue<int>()));

        (await Inbox.CompleteAsync(officer, (await Inbox.OpenTaskAsync(officer, code))!, "Accept")).EnsureSuccessStatusCode();

        var waiting = await DossierAsync(citizen, code);
        Assert.Equal("AwaitingPayment", waiting["status"]!.GetValue<string>());
        Assert.Equal(64000, waiting["request"]!["amount"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_result_document_prints_the_corrected_value()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        await RequestAsync(officer, code, "Ghi rõ số bản sao trích lục cần cấp.", fields: ["/extraCopies"]);
        (await citizen.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplements", new { data = new JsonObject { ["extraCopies"] = 2 } })).EnsureSuccessStatusCode();

        (await Inbox.CompleteAsync(officer, (await Inbox.OpenTaskAsync(officer, code))!, "Accept")).EnsureSuccessStatusCode();
        (await citizen.PostAsync($"/api/v1/dossiers/{code}/payments", null)).EnsureSuccessStatusCode();
        await Inbox.ApproveAllAsync(officer, code);

        var result = await citizen.GetStringAsync($"/api/v1/dossiers/{code}/result");
        Assert.Contains("Số bản sao cấp kèm: 2", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_the_eligibility_rules_refuse_is_refused_with_reasons_and_stores_nothing()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitAsync(citizen, new { procedureCode = "HN-KHDT-001", data = Submissions.TestCaseInput("HN-KHDT-001", "01-ca-nhan-nop-truc-tuyen.json") });
        var officer = await server.OfficerAsync("HN-P-HOAN-KIEM");
        await RequestAsync(officer, code, "Bổ sung ngành nghề kinh doanh.", fields: ["/businessLines"]);
        var before = await DossierAsync(citizen, code);

        var lines = new JsonArray(
            new JsonObject { ["code"] = "5610", ["name"] = "Nhà hàng và các dịch vụ ăn uống phục vụ lưu động", ["isMain"] = true },
            new JsonObject { ["code"] = "5630", ["name"] = "Dịch vụ phục vụ đồ uống", ["isMain"] = true });
        var response = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplements", new { data = new JsonObject { ["businessLines"] = lines } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var reasons = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["reasons"]!.AsArray();
        Assert.Contains(reasons, r => r!["rule"]!.GetValue<string>() == "toi-da-mot-nganh-nghe-chinh");
        var after = await DossierAsync(citizen, code);
        Assert.Equal(before["data"]!.ToJsonString(), after["data"]!.ToJsonString());
        Assert.Equal("AwaitingSupplement", after["status"]!.GetValue<string>());
        Assert.Empty(after["supplements"]!.AsArray());
    }

    [Fact]
    public async Task A_correction_outside_the_fields_the_officer_named_is_a_field_error()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        await RequestAsync(officer, code, "Ghi rõ số bản sao trích lục cần cấp.", fields: ["/extraCopies"]);

        var response = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplements", new
        {
            data = new JsonObject { ["extraCopies"] = 1, ["applicant"] = new JsonObject { ["phone"] = "0911222333" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal(["/applicant/phone"], errors.Select(e => e.Key));
    }

    [Fact]
    public async Task An_officer_cannot_name_a_field_or_document_the_procedure_does_not_have()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        var task = (await Inbox.OpenTaskAsync(officer, code))!;

        var response = await officer.PostAsJsonAsync($"/api/v1/tasks/{task["id"]}/completion", new
        {
            outcome = "RequestSupplement",
            comment = "Bổ sung.",
            supplement = new { fields = UnknownFields, attachments = UnknownAttachments },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal(["/supplement/attachments/0", "/supplement/fields/1"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_supplement_keeps_the_first_decision_in_the_history_and_the_workflow_sees_the_new_data()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        await RequestAsync(officer, code, "Ghi rõ số bản sao trích lục cần cấp.", fields: ["/extraCopies"]);

        (await citizen.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplements", new { data = new JsonObject { ["extraCopies"] = 3 } })).EnsureSuccessStatusCode();

        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DvcDbContext>();
        var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code);
        var decisions = await db.DossierEvents.AsNoTracking()
            .Where(e => e.DossierId == dossier.Id && (e.Kind == "Submitted" || e.Kind == "Supplemented"))
            .OrderBy(e => e.Sequence).Select(e => e.DataJson!).ToListAsync();
        Assert.Equal([0L, 24000L], decisions.Select(d => JsonNode.Parse(d)!["fee"]!.GetValue<long>()));
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.DossierId == dossier.Id);
        var input = JsonNode.Parse(instance.StateJson)!["input"]!;
        Assert.Equal((3, 24000m), (input["data"]!["extraCopies"]!.GetValue<int>(), input["fee"]!.GetValue<decimal>()));
    }

    internal static async Task RequestAsync(HttpClient officer, string code, string comment, string[]? fields = null, string[]? attachments = null)
    {
        var task = (await Inbox.OpenTaskAsync(officer, code))!;
        var response = await officer.PostAsJsonAsync($"/api/v1/tasks/{task["id"]}/completion", new
        {
            outcome = "RequestSupplement",
            comment,
            supplement = new { fields = fields ?? [], attachments = attachments ?? [] },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    internal static async Task<JsonObject> DossierAsync(HttpClient client, string code) =>
        JsonNode.Parse(await client.GetStringAsync($"/api/v1/dossiers/{code}"))!.AsObject();
}
