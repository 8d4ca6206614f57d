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
