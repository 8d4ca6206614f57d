using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Regressions;

/// <summary>
/// Issue 14, item 4 over HTTP: rules that would keep a core busy (here 2^25 passes over two household members) are stopped
/// by their budget, and the submission is refused with a problem that names no internal rule, never a hung request or a 500.
/// </summary>
public sealed class Issue14_RuleBudgetOverHttpTests : IDisposable
{
    private readonly DefinitionsCopy _definitions = new();
    private readonly DvcServerFactory _server;

    public Issue14_RuleBudgetOverHttpTests()
    {
        var loops = string.Concat(Enumerable.Range(0, 25).Select(i => $".SelectMany(x{i} => input.householdMembers)"));
        _definitions.Edit("procedures/HN-KHDT-001/rules.json", "Dvc.Age(input.applicant.birthDate, ctx.SubmittedOn) >= 18", $"input.householdMembers{loops}.LongCount() >= 0");
        _server = _definitions.Server();
    }

    [Fact]
    public async Task A_submission_whose_rules_run_past_their_budget_is_refused_with_422_and_nothing_is_filed()
    {
        var citizen = await _server.NewCitizenAsync();
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

    public void Dispose()
    {
        _server.Dispose();
        _definitions.Dispose();
    }
}
