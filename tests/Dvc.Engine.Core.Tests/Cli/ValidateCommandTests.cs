using System.Text.Json.Nodes;
using Dvc.Engine.Core.Tests.Fixtures;

namespace Dvc.Engine.Core.Tests.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly FixtureCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void A_valid_catalog_exits_0_with_only_the_summary_line()
    {
        var (exitCode, output, _) = CliRunner.Run("validate", _catalog.Root);

        Assert.Equal(0, exitCode);
        var line = Assert.Single(CliRunner.Lines(output));
        Assert.Matches(@"^1 procedure\(s\), 1 compiled: 0 error\(s\), 0 warning\(s\) in \d+\.\d\d s$", line);
    }

    [Fact]
    public void Errors_print_as_file_line_column_code_message_pointer_and_exit_1()
    {
        _catalog.Replace("rules.json", "\"input.copies > 1\"", "\"input.copeis > 1\"");

        var (exitCode, output, _) = CliRunner.Run("validate", _catalog.ProcedurePath);

        Assert.Equal(1, exitCode);
        var lines = CliRunner.Lines(output);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^procedures/HN-TEST-001/rules\.json\(\d+,\d+\): error DVC-RULE-002: .+ \[/1/Rules/1/Expression\]$", lines[0]);
        Assert.StartsWith("1 procedure(s), 0 compiled: 1 error(s), 0 warning(s) in ", lines[1], StringComparison.Ordinal);
    }

    /// <summary>One defect per file, as an author would make it; the CLI prints exactly that diagnostic and exits 1.</summary>
    [Theory]
    [InlineData("rules.json", "\"input.copies > 1\"", "\"input.soBanSao > 1\"", "rules.json", "DVC-RULE-002", "/1/Rules/1/Expression")]
    [InlineData("rules.json", "\"amount\": 30000", "\"amount\": \"input.delivery\"", "rules.json", "DVC-RULE-006", "/1/Rules/3/Properties/amount")]
    [InlineData("rules.json", "\"attachment\": \"giay-kham-suc-khoe\"", "\"attachment\": \"giay-xac-nhan\"", "rules.json", "DVC-RULE-008", "/2/Rules/0/Properties/attachment")]
    [InlineData("templates/result.sbn", "{{ data.applicant.fullName }}", "{{ data.applicant.hoTen }}", "templates/result.sbn", "DVC-TPL-003", "")]
    [InlineData("workflow.json", "\"target\": { \"activity\": \"end\"", "\"target\": { \"activity\": \"ket-thuc\"", "workflow.json", "DVC-WF-005", "/root/connections/2/target/activity")]
    [InlineData("workflow.json", "\"activity\": \"reception\", \"port\": \"Approve\"", "\"activity\": \"reception\", \"port\": \"Duyet\"", "workflow.json", "DVC-WF-006", "/root/connections/1/source/port")]
    [InlineData("workflow.json", "\"type\": \"Dvc.IssueResult\"", "\"type\": \"Elsa.HttpEndpoint\"", "workflow.json", "DVC-WF-003", "/root/activities/2/type")]
    [InlineData("workflow.json", "\"role\": \"tiep-nhan\"", "\"role\": \"ke-toan\"", "workflow.json", "DVC-WF-008", "/root/activities/1/role")]
    [InlineData("tests/du-dieu-kien.json", "\"permitType\": \"thuong\"", "\"loaiGiayPhep\": \"thuong\"", "tests/du-dieu-kien.json", "DVC-TEST-002", "/input/loaiGiayPhep")]
    [InlineData("form.schema.json", "\"type\": \"object\",\n  \"required\"", "\"type\": \"object\"\n  \"required\"", "form.schema.json", "DVC-DEF-002", "")]
    [InlineData("procedure.json", "\"rules\": \"rules.json\"", "\"rules\": \"quy-tac.json\"", "procedure.json", "DVC-DEF-003", "/parts/rules")]
    public void Each_kind_of_defect_prints_its_diagnostic_with_file_line_and_pointer(string file, string find, string replace, string reported, string code, string pointer)
    {
        _catalog.Replace(file, find, replace);

        var (exitCode, output, _) = CliRunner.Run("validate", _catalog.Root);

        Assert.Equal(1, exitCode);
        var errors = CliRunner.Lines(output).Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToArray();
        var error = Assert.Single(errors);
        var suffix = pointer.Length > 0 ? $" [{pointer}]" : string.Empty;
        Assert.Matches($@"^procedures/HN-TEST-001/{System.Text.RegularExpressions.Regex.Escape(reported)}\(\d+,\d+\): error {code}: .+{System.Text.RegularExpressions.Regex.Escape(suffix)}$", error);
    }

    [Fact]
    public void Warnings_alone_exit_0()
    {
        _catalog.Replace("form.schema.json", "\"widget\": \"radio\"", "\"widget\": \"slider\"");

        var (exitCode, output, _) = CliRunner.Run("validate", _catalog.Root);

        Assert.Equal(0, exitCode);
        Assert.Contains(": warning DVC-FORM-005: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_format_lists_procedures_and_diagnostics()
    {
        _catalog.Delete(FixtureCatalog.ProcedureFolder + "/workflow.json");

        var (exitCode, output, _) = CliRunner.Run("validate", _catalog.Root, "--format", "json");

        Assert.Equal(1, exitCode);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(1, json["errors"]!.GetValue<int>());
        Assert.False(json["procedures"]![0]!["compiled"]!.GetValue<bool>());
        var diagnostic = json["diagnostics"]![0]!;
        Assert.Equal("DVC-DEF-003", diagnostic["code"]!.GetValue<string>());
        Assert.Equal("procedures/HN-TEST-001/procedure.json", diagnostic["file"]!.GetValue<string>());
        Assert.Equal("/parts/workflow", diagnostic["pointer"]!.GetValue<string>());
        Assert.True(diagnostic["line"]!.GetValue<int>() > 0);
        Assert.True(json["elapsedMs"]!.GetValue<long>() >= 0);
    }

    [Fact]
    public void A_path_that_is_not_a_catalog_exits_2()
    {
        var (exitCode, _, error) = CliRunner.Run("validate", _catalog.PathOf("shared"));

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_procedures_folder_itself_is_accepted_as_the_catalog()
    {
        var (exitCode, _, _) = CliRunner.Run("validate", _catalog.PathOf("procedures"));

        Assert.Equal(0, exitCode);
    }
}
