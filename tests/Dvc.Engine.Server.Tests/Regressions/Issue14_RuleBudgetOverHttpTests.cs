using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Regressions;

/// <summary>
/// Issue 14, item 4 over HTTP: rules that would keep a core busy (2^25 passes over two household members, 3^20 over three
/// business lines) are stopped by their budget, and the submission or supplement is refused with a problem that names no
/// internal rule, never a hung request or a 500.
/// </summary>
public sealed class Issue14_RuleBudgetOverHttpTests : IDisposable
{
    private readonly DefinitionsCopy _definitions = new();

    [Fact]
    public async Task A_submission_whose_rules_run_past_their_budget_is_refused_with_422_and_nothing_is_filed()
    {
        var loops = string.Concat(Enumerable.Range(0, 25).Select(i => $".SelectMany(x{i} => input.householdMembers)"));
        _definitions.Edit("procedures/HN-KHDT-001/rules.json", "Dvc.Age(input.applicant.birthDate, ctx.SubmittedOn) >= 18", $"input.householdMembers{loops}.LongCount() >= 0");
        using var server = _definitions.Server();
        var citizen = await server.NewCitizenAsync();
        var data = Submissions.TestCaseInput("HN-KHDT-001", "03-thanh-vien-ho-gia-dinh.json");

        var assessed = await citizen.PostAsJsonAsync("/api/v1/procedures/HN-KHDT-001/assessments", new { data });
        var submitted = await citizen.PostAsJsonAsync("/api/v1/dossiers", new { procedureCode = "HN-KHDT-001", data });
        var problem = JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, assessed.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, submitted.StatusCode);
        Assert.EndsWith("/rules-refused", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("du-18-tuoi", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("[]", await citizen.GetStringAsync("/api/v1/dossiers"));
    }

    [Fact]
    public async Task A_supplement_whose_corrected_data_runs_the_rules_past_their_budget_is_refused_with_422_and_changes_nothing()
    {
        // Cheap for the two business lines filed, 3^20 passes for a third line sent as a supplement.
        var loops = string.Concat(Enumerable.Range(0, 20).Select(i => $".SelectMany(y{i} => input.businessLines)"));
        _definitions.Edit("procedures/HN-KHDT-001/rules.json", "input.businessLines.Count(x => x.isMain == true) <= 1", $"input.businessLines.Count(x => x.isMain == true) <= 1 && (input.businessLines.Count() < 3 || input.businessLines{loops}.LongCount() >= 0)");
        using var server = _definitions.Server();
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitAsync(citizen, new { procedureCode = "HN-KHDT-001", data = Submissions.TestCaseInput("HN-KHDT-001", "01-ca-nhan-nop-truc-tuyen.json") });
        var officer = await server.OfficerAsync("HN-P-HOAN-KIEM");
        await Issue13_SupplementsRedecideTests.RequestAsync(officer, code, "Bổ sung ngành nghề kinh doanh.", fields: ["/businessLines"]);
        var before = await Issue13_SupplementsRedecideTests.DossierAsync(citizen, code);

        var lines = new JsonArray(
            new JsonObject { ["code"] = "5610", ["name"] = "Nhà hàng và các dịch vụ ăn uống phục vụ lưu động", ["isMain"] = true },
            new JsonObject { ["code"] = "4722", ["name"] = "Bán lẻ thực phẩm trong các cửa hàng chuyên doanh", ["isMain"] = false },
            new JsonObject { ["code"] = "5630", ["name"] = "Dịch vụ phục vụ đồ uống", ["isMain"] = false });
        var response = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplements", new { data = new JsonObject { ["businessLines"] = lines } });
        var after = await Issue13_SupplementsRedecideTests.DossierAsync(citizen, code);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.EndsWith("/rules-refused", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("AwaitingSupplement", after["status"]!.GetValue<string>());
        Assert.Equal(before["data"]!.ToJsonString(), after["data"]!.ToJsonString());
    }

    public void Dispose() => _definitions.Dispose();
}
