using Dvc.Engine.Core.Tests.Fixtures;

namespace Dvc.Engine.Core.Tests.Cli;

public sealed class TestCommandTests : IDisposable
{
    private readonly FixtureCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void Passing_cases_exit_0_and_end_with_the_count_line()
    {
        var (exitCode, output, _) = CliRunner.Run("test", _catalog.Root);

        Assert.Equal(0, exitCode);
        var lines = CliRunner.Lines(output);
        Assert.Equal("4 passed, 0 failed", lines[^1]);
        Assert.Contains(lines, l => l.Contains("note: workflowPath not checked", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failing_case_exits_1_and_says_why()
    {
        _catalog.Replace("tests/cac-truong-hop.json", "\"fee\": 242501", "\"fee\": 1");

        var (exitCode, output, _) = CliRunner.Run("test", _catalog.ProcedurePath);

        Assert.Equal(1, exitCode);
        var lines = CliRunner.Lines(output);
        Assert.Equal("3 passed, 1 failed", lines[^1]);
        Assert.Contains(lines, l => l.StartsWith("FAIL HN-TEST-001", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("expected fee 1 VND, got 242501", StringComparison.Ordinal));
    }

    [Fact]
    public void A_procedure_that_does_not_compile_fails_all_its_cases()
    {
        _catalog.AddCopy("HN-TEST-002");
        _catalog.Write("procedures/HN-TEST-002/rules.json", "[");

        var (exitCode, output, _) = CliRunner.Run("test", _catalog.Root);

        Assert.Equal(1, exitCode);
        Assert.Equal("4 passed, 4 failed", CliRunner.Lines(output)[^1]);
        Assert.Contains("HN-TEST-002: does not compile", output, StringComparison.Ordinal);
    }
}
