using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Tests.Fixtures;

namespace Dvc.Engine.Core.Tests.Rules;

public sealed class RuleEvaluationTests : IDisposable
{
    private static readonly DateOnly SubmittedOn = new(2026, 3, 2);
    private readonly FixtureCatalog _catalog = new();
    private readonly CompiledProcedure _procedure;

    public RuleEvaluationTests() => _procedure = _catalog.CompileValid();

    public void Dispose() => _catalog.Dispose();

    private static JsonObject Submission(string birthDate = "1995-06-15", string permitType = "thuong", int copies = 1, string delivery = "counter") => new()
    {
        ["applicant"] = new JsonObject { ["fullName"] = "Nguyễn Văn An", ["birthDate"] = birthDate, ["citizenId"] = "001095012345" },
        ["permitType"] = permitType,
        ["copies"] = copies,
        ["delivery"] = delivery,
        ["postalAddress"] = delivery == "post" ? "Số 1 Tràng Tiền, Hoàn Kiếm" : null,
    };

    [Theory]
    [InlineData("2008-03-02", true)]
    [InlineData("2008-03-03", false)]
    [InlineData("1926-01-01", true)]
    [InlineData("2026-03-02", false)]
    public void Eligibility_counts_age_on_the_submission_date(string birthDate, bool eligible)
    {
        var result = _procedure.EvaluateEligibility(Submission(birthDate), SubmittedOn);

        Assert.Equal(eligible, result.Eligible);
    }

    [Fact]
    public void A_failed_rule_carries_its_reason_in_both_languages()
    {
        var result = _procedure.EvaluateEligibility(Submission("2010-01-01"), SubmittedOn);

        var failed = Assert.Single(result.FailedRules);
        Assert.Equal("du-18-tuoi", failed.Rule);
        Assert.Equal("Người đề nghị phải đủ 18 tuổi trở lên.", failed.Reason.Vi);
        Assert.Equal("The applicant must be at least 18 years old.", failed.Reason.En);
        Assert.Null(failed.Error);
    }

    [Fact]
    public void A_blank_field_makes_the_rule_fail_without_an_error()
    {
        var data = Submission();
        data["applicant"]!.AsObject().Remove("birthDate");

        var result = _procedure.EvaluateEligibility(data, SubmittedOn);

        Assert.False(result.Eligible);
        Assert.Equal("du-18-tuoi", Assert.Single(result.FailedRules).Rule);
    }

    [Fact]
    public void A_missing_group_makes_its_rules_fail_without_an_error()
    {
        var data = Submission();
        data.Remove("applicant");

        var result = _procedure.EvaluateEligibility(data, SubmittedOn);

        var failed = Assert.Single(result.FailedRules);
        Assert.Equal("du-18-tuoi", failed.Rule);
        Assert.Null(failed.Error);
    }

    [Fact]
    public void The_trace_records_each_rule_with_the_fields_it_read()
    {
        var result = _procedure.EvaluateEligibility(Submission("2010-01-01"), SubmittedOn);

        Assert.Equal(FixtureCatalog.Code, result.Trace.ProcedureCode);
        Assert.Equal("1.0.0", result.Trace.Version);
        Assert.Equal(_procedure.ContentHash, result.Trace.ContentHash);
        Assert.Equal(SubmittedOn, result.Trace.SubmittedOn);
        Assert.Equal(["du-18-tuoi", "co-dia-chi-khi-gui-buu-dien"], result.Trace.Rules.Select(r => r.Rule));
        var age = result.Trace.Rules[0];
        Assert.False(age.Success);
        Assert.Equal("eligibility", age.Workflow);
        Assert.Equal("2010-01-01", age.Inputs["/applicant/birthDate"]!.GetValue<string>());
        Assert.Equal(["/delivery", "/postalAddress"], result.Trace.Rules[1].Inputs.Keys);
    }

    [Fact]
    public void The_trace_serialises_to_json()
    {
        var trace = _procedure.Decide(Submission(permitType: "khan"), SubmittedOn).Trace;

        var json = trace.ToJson();

        Assert.Equal(FixtureCatalog.Code, json["procedureCode"]!.GetValue<string>());
        Assert.Equal(2 + 4 + 1, json["rules"]!.AsArray().Count);
        Assert.Contains(json["rules"]!.AsArray(), r => r!["rule"]!.GetValue<string>() == "cap-gap" && r["output"]!.GetValue<decimal>() == 67500.5m);
    }

    [Theory]
    [InlineData("thuong", 1, "counter", 135000, new[] { "le-phi" })]
    [InlineData("thuong", 3, "counter", 145000, new[] { "le-phi", "ban-sao-them" })]
    [InlineData("khan", 1, "counter", 202501, new[] { "le-phi", "cap-gap" })]
    [InlineData("thuong", 1, "post", 165000, new[] { "le-phi", "phi-buu-dien" })]
    [InlineData("khan", 3, "post", 242501, new[] { "le-phi", "ban-sao-them", "cap-gap", "phi-buu-dien" })]
    public void Fees_add_the_amount_of_every_rule_that_holds(string permitType, int copies, string delivery, long total, string[] lines)
    {
        var fee = _procedure.ComputeFee(Submission(permitType: permitType, copies: copies, delivery: delivery), SubmittedOn);

        Assert.Equal(total, fee.Total);
        Assert.Equal(lines, fee.Lines.Select(l => l.Rule));
        Assert.Equal(fee.Total, fee.Lines.Sum(l => l.Amount));
    }

    [Fact]
    public void Fee_lines_are_whole_vnd_rounded_half_away_from_zero_with_their_labels()
    {
        var fee = _procedure.ComputeFee(Submission(permitType: "khan"), SubmittedOn);

        var urgent = fee.Lines.Single(l => l.Rule == "cap-gap");
        Assert.Equal(67501, urgent.Amount);
        Assert.Equal("Phụ phí cấp gấp", urgent.Label.Vi);
        Assert.Equal("Urgent surcharge", urgent.Label.En);
    }

    [Fact]
    public void Fee_rules_can_read_the_service_level()
    {
        _catalog.Replace("procedure.json", "\"serviceLevel\": 4", "\"serviceLevel\": 3");
        var level3 = _catalog.CompileValid();

        var fee = level3.ComputeFee(Submission(delivery: "post"), SubmittedOn);

        Assert.Equal(135000, fee.Total);
    }

    [Fact]
    public void A_fee_amount_that_is_empty_counts_as_zero()
    {
        _catalog.Replace("rules.json", "\"amount\": \"((input.copies ?? 1) - 1) * 5000\"", "\"amount\": \"(input.copies - 1) * 5000\"");
        _catalog.Replace("rules.json", "\"Expression\": \"input.copies > 1\"", "\"Expression\": \"true\"");
        var procedure = _catalog.Compile().Procedure!;
        var data = Submission();
        data.Remove("copies");

        var fee = procedure.ComputeFee(data, SubmittedOn);

        Assert.Equal(135000, fee.Total);
        Assert.Equal(0, fee.Lines.Single(l => l.Rule == "ban-sao-them").Amount);
    }

    [Theory]
    [InlineData("2025-12-31", 100000)]
    [InlineData("2026-01-01", 135000)]
    [InlineData("2027-06-30", 135000)]
    [InlineData("2027-07-01", 150000)]
    public void An_effective_dated_fee_uses_the_rate_valid_on_the_submission_date(string day, long total)
    {
        _catalog.Replace("rules.json", "\"amount\": 135000", """
            "amount": [
                      { "validFrom": null, "validTo": "2025-12-31", "amount": 100000 },
                      { "validFrom": "2026-01-01", "validTo": "2027-06-30", "amount": 135000 },
                      { "validFrom": "2027-07-01", "amount": "150000" } ]
            """);
        var procedure = _catalog.CompileValid();

        var fee = procedure.ComputeFee(Submission(), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(total, fee.Total);
        Assert.True(fee.IsComplete);
    }

    [Fact]
    public void A_fee_entry_from_a_shared_schedule_applies_only_in_its_period()
    {
        _catalog.Write("shared/fee-schedule.json", """
            { "fees": { "le-phi": { "amount": 135000, "label": { "vi": "Lệ phí" }, "legalBasis": "TT 00/2026", "validFrom": "2026-01-01", "validTo": null } } }
            """);
        _catalog.Replace("rules.json", "\"amount\": 135000", "\"amount\": { \"$ref\": \"shared/fee-schedule.json#/fees/le-phi\" }");
        var procedure = _catalog.CompileValid();

        var before = procedure.ComputeFee(Submission(), new DateOnly(2025, 12, 31));
        var after = procedure.ComputeFee(Submission(), new DateOnly(2026, 1, 1));

        Assert.Equal(135000, after.Total);
        Assert.False(before.IsComplete);
        Assert.Equal("le-phi", Assert.Single(before.Errors).Rule);
        Assert.Equal(0, before.Total);
    }

    [Theory]
    [InlineData("[ { \"validFrom\": \"2026-01-01\", \"amount\": 1 }, { \"validFrom\": \"2026-06-01\", \"amount\": 2 } ]", "DVC-RULE-012")]
    [InlineData("[ { \"validFrom\": \"2026-01-01\", \"validTo\": \"2025-01-01\", \"amount\": 1 } ]", "DVC-RULE-012")]
    [InlineData("[ { \"validFrom\": \"01/01/2026\", \"amount\": 1 } ]", "DVC-RULE-012")]
    [InlineData("[ { \"validFrom\": \"2026-01-01\" } ]", "DVC-RULE-006")]
    [InlineData("{ \"validFrom\": \"2026-01-01\", \"amount\": \"input.delivery\" }", "DVC-RULE-006")]
    public void A_bad_fee_table_is_a_compile_error(string amount, string code)
    {
        _catalog.Replace("rules.json", "\"amount\": 135000", "\"amount\": " + amount);

        var compilation = _catalog.Compile();

        Assert.Equal(code, Assert.Single(compilation.Diagnostics, d => d.IsError).Code);
        Assert.Null(compilation.Procedure);
    }

    [Fact]
    public void A_fees_workflow_without_rules_means_no_fee()
    {
        _catalog.EditJson("rules.json", rules => rules[1]!["Rules"] = new JsonArray());
        var free = _catalog.CompileValid();

        var fee = free.ComputeFee(Submission(permitType: "khan"), SubmittedOn);

        Assert.Equal(0, fee.Total);
        Assert.Empty(fee.Lines);
    }

    [Fact]
    public void The_checklist_has_required_attachments_plus_those_rules_require()
    {
        var young = _procedure.Checklist(Submission("1995-06-15"), SubmittedOn);
        var old = _procedure.Checklist(Submission("1960-01-20"), SubmittedOn);

        Assert.Equal(["can-cuoc", "anh-chan-dung"], young.AttachmentIds);
        Assert.Equal(["can-cuoc", "anh-chan-dung", "giay-kham-suc-khoe"], old.AttachmentIds);
        var health = old.Items[2];
        Assert.Equal("tu-60-tuoi-kham-suc-khoe", health.Rule);
        Assert.Equal("Applicants aged 60 or over provide a health certificate.", health.Note!.En);
    }

    [Fact]
    public void Any_named_workflow_can_be_evaluated()
    {
        var result = _procedure.EvaluateRules("fees", Submission(permitType: "khan"), SubmittedOn);
        var unknown = _procedure.EvaluateRules("routing", Submission(), SubmittedOn);

        Assert.Equal(["le-phi", "cap-gap"], result.PassedRules);
        Assert.Equal(["ban-sao-them", "phi-buu-dien"], result.FailedRules);
        Assert.True(unknown.AllPassed);
        Assert.Empty(unknown.PassedRules);
    }

    [Fact]
    public void Evaluation_is_safe_from_many_threads()
    {
        var results = Enumerable.Range(0, 200).AsParallel().Select(i => _procedure.ComputeFee(Submission(copies: 1 + (i % 5)), SubmittedOn).Total).ToArray();

        Assert.All(results.Select((total, i) => (total, i)), x => Assert.Equal(135000 + (x.i % 5 * 5000), x.total));
    }
}
