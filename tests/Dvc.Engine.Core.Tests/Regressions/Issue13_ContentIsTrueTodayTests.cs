using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Tests.Fixtures;

namespace Dvc.Engine.Core.Tests.Regressions;

/// <summary>
/// Issue 13, §6: the shipped procedures follow the law in force (the international driving permit is issued by the police
/// under the 2024 road traffic law with its new licence classes), and a fee change is one effective-dated edit.
/// </summary>
public sealed class Issue13_ContentIsTrueTodayTests : IDisposable
{
    private const string Permit = "HN-GTVT-001";

    private readonly FixtureCatalog _catalog = new(Repository.Definitions());

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void The_international_driving_permit_is_issued_by_the_traffic_police_under_the_2024_law()
    {
        var procedure = Compile(Permit);

        Assert.Equal("HN-CATP-CSGT", procedure.Manifest.Agency.Code);
        Assert.Contains(procedure.Manifest.LegalBasis, b => b.Contains("36/2024/QH15", StringComparison.Ordinal));
        Assert.Contains(procedure.Manifest.LegalBasis, b => b.Contains("12/2025/TT-BCA", StringComparison.Ordinal));
        var classes = procedure.Form.Find("/licence/categories")?.Items?.Enum?.Select(v => v?.GetValue<string>());
        Assert.Equal(["A1", "A", "B1", "B", "C1", "C", "D1", "D2", "D", "BE", "C1E", "CE", "D1E", "D2E", "DE"], classes);
    }

    [Theory]
    [InlineData("Luật Giao thông đường bộ số 23/2008/QH12")]
    [InlineData("Thông tư số 29/2015/TT-BGTVT")]
    [InlineData("Luật Khám bệnh, chữa bệnh số 40/2009/QH12")]
    [InlineData("Nghị định số 109/2016/NĐ-CP")]
    public void No_shipped_procedure_rests_on_a_repealed_act(string repealed)
    {
        var catalog = new ProcedureCompiler().CompileCatalog(_catalog.Root);

        Assert.All(catalog.Procedures, p => Assert.DoesNotContain(p.Procedure!.Manifest.LegalBasis, b => b.StartsWith(repealed, StringComparison.Ordinal)));
    }

    [Fact]
    public void A_new_fee_rate_is_one_edit_of_the_shared_schedule_that_applies_from_its_date()
    {
        var schedule = JsonNode.Parse(_catalog.Read("shared/fee-schedule.json"))!;
        var rates = schedule["fees"]!["le-phi-cap-gplx-quoc-te"]!["rates"]!.AsArray();
        rates[^1]!["validTo"] = "2026-12-31";
        rates.Add(new JsonObject { ["amount"] = 150000, ["validFrom"] = "2027-01-01", ["validTo"] = null, ["legalBasis"] = "(mức giả định cho kiểm thử)" });
        _catalog.Write("shared/fee-schedule.json", schedule.ToJsonString());
        var procedure = Compile(Permit);
        var input = (JsonObject)JsonNode.Parse(_catalog.Read($"procedures/{Permit}/tests/01-hop-le-b2-nhan-qua-buu-chinh.json"))!["input"]!;

        var before = procedure.ComputeFee(input, new DateOnly(2026, 12, 31));
        var after = procedure.ComputeFee(input, new DateOnly(2027, 1, 1));

        Assert.Equal((135000L, 150000L), (before.Total, after.Total));
    }

    private CompiledProcedure Compile(string code)
    {
        var compilation = new ProcedureCompiler().CompileFolder(_catalog.PathOf($"procedures/{code}"));
        Assert.True(compilation.Procedure is not null, string.Join("\n", compilation.Diagnostics));
        return compilation.Procedure;
    }
}
