using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions.Testing;
using Dvc.Engine.Core.Tests.Cli;
using Dvc.Engine.Core.Tests.Fixtures;

namespace Dvc.Engine.Core.Tests.Regressions;

/// <summary>
/// Issue 13, §5: <c>dvc test</c> sets the submission date and time and checks the legal deadline (Tết, weekends, office
/// hours), answers each human task with an outcome and a comment that reach the rejection letter, prints the text it
/// compared when a fragment is missing, and <c>dvc validate</c> refuses steps that name no task of the workflow.
/// </summary>
public sealed class Issue13_DvcTestChecksDeadlinesAndDecisionsTests : IDisposable
{
    private const string Input = """
        { "applicant": { "fullName": "Nguyễn Văn An", "birthDate": "1995-06-15", "citizenId": "001095012345", "phone": "0912345678" },
          "permitType": "thuong", "copies": 1, "delivery": "counter" }
        """;

    private readonly FixtureCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Theory]
    [InlineData("2026-02-13", "2026-02-27T09:00")]
    [InlineData("2026-02-13", "2026-02-27")]
    [InlineData("2026-03-06T17:30", "2026-03-13T17:00")]
    [InlineData("2026-04-24T10:00", "2026-05-06T10:00")]
    public void The_legal_deadline_skips_weekends_Tet_and_holidays_from_the_submission_time(string submittedOn, string deadline)
    {
        var result = RunCase($$"""{ "name": "Hạn giải quyết", "submittedOn": "{{submittedOn}}", "input": {{Input}}, "expect": { "legalDeadline": "{{deadline}}" } }""");

        Assert.True(result.Passed, string.Join("\n", result.Failures));
    }

    [Fact]
    public void A_wrong_legal_deadline_fails_and_names_the_holidays_it_skipped()
    {
        var result = RunCase($$"""{ "name": "Nộp trước Tết", "submittedOn": "2026-02-13", "input": {{Input}}, "expect": { "legalDeadline": "2026-02-20" } }""");

        var failure = Assert.Single(result.Failures);
        Assert.Contains("27/02/2026 09:00", failure, StringComparison.Ordinal);
        Assert.Contains("16/02 Tết Nguyên đán", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejection_letter_shows_the_comment_the_step_gave_the_officer()
    {
        AddRejectionBranch();

        var result = RunCase($$"""
            { "name": "Từ chối có lý do", "submittedOn": "2026-03-02", "input": {{Input}},
              "steps": [{ "task": "reception", "outcome": "Reject", "comment": "Ảnh chân dung không rõ mặt." }],
              "expect": { "workflowPath": ["reception", "refuse"],
                          "rendered": { "rejection": ["Lý do: Ảnh chân dung không rõ mặt.", "Quyết định: Reject", "Hẹn trả: 09/03/2026"] } } }
            """);

        Assert.True(result.Passed, string.Join("\n", result.Failures));
    }

    [Fact]
    public void A_missing_fragment_prints_the_text_the_workflow_rendered()
    {
        AddRejectionBranch();
        _catalog.Write(FixtureCatalog.ProcedureFolder + "/tests/tu-choi.json", $$"""
            { "name": "Từ chối", "submittedOn": "2026-03-02", "input": {{Input}},
              "steps": [{ "task": "reception", "outcome": "Reject", "comment": "Thiếu giấy khám sức khỏe" }],
              "expect": { "rendered": { "rejection": ["Lý do: Ảnh chân dung"] } } }
            """);

        var (exitCode, output, _) = CliRunner.Run("test", _catalog.ProcedurePath);

        Assert.Equal(1, exitCode);
        var lines = CliRunner.Lines(output);
        Assert.Contains("      | PHIẾU TỪ CHỐI", lines);
        Assert.Contains("      | Lý do: Thiếu giấy khám sức khỏe", lines);
    }

    [Theory]
    [InlineData("{ \"task\": \"tiepNhan\", \"outcome\": \"Approve\" }", "[]", ProcedureTestDiagnostics.UnknownStep, "/steps/0/task")]
    [InlineData("{ \"task\": \"reception\", \"outcome\": \"Approved\" }", "[]", ProcedureTestDiagnostics.UnknownStep, "/steps/0/outcome")]
    [InlineData("{ \"task\": \"reception\", \"outcome\": \"Approve\" }", "[\"reception\", \"ketQua\"]", ProcedureTestDiagnostics.UnknownActivity, "/expect/workflowPath/1")]
    public void A_step_naming_a_task_the_workflow_lacks_is_a_validate_error(string step, string path, string code, string pointer)
    {
        _catalog.Write(FixtureCatalog.ProcedureFolder + "/tests/buoc-sai.json", $$"""
            { "name": "Bước sai", "input": {{Input}}, "steps": [{{step}}], "expect": { "workflowPath": {{path}} } }
            """);

        var (exitCode, output, _) = CliRunner.Run("validate", _catalog.Root);

        Assert.Equal(1, exitCode);
        var error = Assert.Single(CliRunner.Lines(output), l => l.Contains(": error ", StringComparison.Ordinal));
        Assert.Matches($@"^procedures/HN-TEST-001/tests/buoc-sai\.json\(\d+,\d+\): error {code}: .+ \[{System.Text.RegularExpressions.Regex.Escape(pointer)}\]$", error);
    }

    /// <summary>Reception may also reject; the refusal renders a letter with the decision, its comment and the appointment date.</summary>
    private void AddRejectionBranch()
    {
        _catalog.EditJson("workflow.json", workflow =>
        {
            var root = workflow["root"]!;
            root["activities"]![1]!["outcomes"] = new JsonArray("Approve", "Reject");
            root["activities"]!.AsArray().Add(JsonNode.Parse("""{ "id": "refuse", "type": "Dvc.IssueResult", "version": 1, "template": "rejection", "decision": "Rejected" }"""));
            root["connections"]!.AsArray().Add(JsonNode.Parse("""{ "source": { "activity": "reception", "port": "Reject" }, "target": { "activity": "refuse", "port": "In" } }"""));
        });
        _catalog.EditJson("procedure.json", manifest => manifest["parts"]!["templates"]!["rejection"] = "templates/rejection.sbn");
        _catalog.Write(
            FixtureCatalog.ProcedureFolder + "/templates/rejection.sbn",
            "PHIẾU TỪ CHỐI\nLý do: {{ dossier.decision.comment }}\nQuyết định: {{ dossier.decision.outcome }}\nHẹn trả: {{ vndate dossier.due_on }}\n");
    }

    private ProcedureTestResult RunCase(string json)
    {
        _catalog.Write(FixtureCatalog.ProcedureFolder + "/tests/truong-hop-moi.json", json);
        var compilation = _catalog.Compile();
        Assert.True(compilation.Procedure is not null, string.Join("\n", compilation.Diagnostics));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);
        var testCase = compilation.Tests.Single(t => t.File.EndsWith("truong-hop-moi.json", StringComparison.Ordinal));
        return new ProcedureTestRunner().Run(compilation.Procedure, testCase);
    }
}
