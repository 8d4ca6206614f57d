using Dvc.Engine.Core.Tests.Fixtures;

namespace Dvc.Engine.Core.Tests.Cli;

public sealed class NewCommandTests : IDisposable
{
    private readonly FixtureCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void A_new_procedure_in_a_catalog_reuses_the_shared_applicant_and_passes_validate_and_test()
    {
        _catalog.Write("shared/applicant.schema.json", """
            { "type": "object", "required": ["fullName"], "x-ui": { "label": { "vi": "Người nộp", "en": "Applicant" } },
              "properties": {
                "fullName": { "type": "string", "x-ui": { "label": { "vi": "Họ và tên", "en": "Full name" } } },
                "birthDate": { "type": "string", "format": "date", "x-ui": { "label": { "vi": "Ngày sinh", "en": "Date of birth" } } } } }
            """);

        var (created, createdOutput, _) = CliRunner.Run("new", "HN-NEW-001", "--out", _catalog.PathOf("procedures"));
        var (validated, validateOutput, _) = CliRunner.Run("validate", _catalog.PathOf("procedures/HN-NEW-001"));
        var (tested, testOutput, _) = CliRunner.Run("test", _catalog.PathOf("procedures/HN-NEW-001"));

        Assert.Equal(0, created);
        Assert.Contains("shared/applicant.schema.json", createdOutput, StringComparison.Ordinal);
        Assert.Contains("shared/applicant.schema.json", _catalog.Read("procedures/HN-NEW-001/form.schema.json"), StringComparison.Ordinal);
        Assert.True(validated == 0, validateOutput);
        Assert.True(tested == 0, testOutput);
        Assert.Equal("1 passed, 0 failed", CliRunner.Lines(testOutput)[^1]);
    }

    [Fact]
    public void A_new_procedure_outside_a_catalog_is_self_contained_and_valid()
    {
        var outside = Path.Combine(_catalog.Root, "scratch");

        var (created, _, _) = CliRunner.Run("new", "HN-NEW-002", "--out", outside);
        var (validated, validateOutput, _) = CliRunner.Run("validate", Path.Combine(outside, "HN-NEW-002"));
        var (tested, testOutput, _) = CliRunner.Run("test", Path.Combine(outside, "HN-NEW-002"));

        Assert.Equal(0, created);
        Assert.True(validated == 0, validateOutput);
        Assert.True(tested == 0, testOutput);
    }

    [Theory]
    [InlineData("hn-tp-1")]
    [InlineData("HNTP")]
    [InlineData("HN_TP_1")]
    public void A_code_in_the_wrong_form_is_refused(string code)
    {
        var (exitCode, _, error) = CliRunner.Run("new", code, "--out", _catalog.Root);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_procedure_is_never_overwritten()
    {
        var (exitCode, _, _) = CliRunner.Run("new", FixtureCatalog.Code, "--out", _catalog.PathOf("procedures"));

        Assert.Equal(2, exitCode);
        Assert.Contains("\"version\": \"1.0.0\"", _catalog.Read(FixtureCatalog.ProcedureFolder + "/procedure.json"), StringComparison.Ordinal);
    }
}
