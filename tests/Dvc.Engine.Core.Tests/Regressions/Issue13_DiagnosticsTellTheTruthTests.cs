using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Rules;
using Dvc.Engine.Core.Tests.Cli;
using Dvc.Engine.Core.Tests.Fixtures;

namespace Dvc.Engine.Core.Tests.Regressions;

/// <summary>
/// Issue 13, §5: a rule reading a group the form lacks gets the "reads a field the form does not define" diagnostic; a
/// procedure folder outside procedures/ is compiled against its nearest catalog, or told that shared/ cannot be reached;
/// a UTF-8 byte-order mark is accepted in every part.
/// </summary>
public sealed class Issue13_DiagnosticsTellTheTruthTests : IDisposable
{
    private readonly FixtureCatalog _catalog = new();
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "dvc-tests", "outside-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _catalog.Dispose();
        if (Directory.Exists(_outside))
        {
            Directory.Delete(_outside, recursive: true);
        }
    }

    [Theory]
    [InlineData("input.nguoiNop.birthDate")]
    [InlineData("input.applicant.ngaySinh")]
    [InlineData("input.Applicant.Address.Street")]
    public void A_rule_reading_a_missing_group_or_field_says_the_form_does_not_define_it(string read)
    {
        _catalog.Replace("rules.json", "Dvc.Age(input.applicant.birthDate, ctx.SubmittedOn) >= 18", $"Dvc.Age({read}, ctx.SubmittedOn) >= 18");

        var diagnostic = Assert.Single(_catalog.Compile().Diagnostics, d => d.IsError);

        Assert.Equal((RuleDiagnostics.UnknownField, "/0/Rules/0/Expression"), (diagnostic.Code, diagnostic.JsonPointer));
    }

    [Fact]
    public void A_procedure_folder_beside_procedures_compiles_against_its_catalog()
    {
        var draft = Path.Combine(_catalog.Root, "drafts", FixtureCatalog.Code);
        CopyFolder(_catalog.ProcedurePath, draft);

        var (exitCode, output, _) = CliRunner.Run("validate", draft);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("1 procedure(s), 1 compiled: 0 error(s)", CliRunner.Lines(output)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_procedure_folder_in_no_catalog_is_told_shared_cannot_be_reached()
    {
        var lonely = Path.Combine(_outside, FixtureCatalog.Code);
        CopyFolder(_catalog.ProcedurePath, lonely);

        var (exitCode, output, _) = CliRunner.Run("validate", lonely);

        Assert.Equal(1, exitCode);
        var errors = CliRunner.Lines(output).Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Contains($"error {DefinitionDiagnostics.InvalidRef}: ", e, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Contains("shared/ cannot be reached", e, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(FixtureCatalog.ProcedureFolder + "/procedure.json")]
    [InlineData(FixtureCatalog.ProcedureFolder + "/form.schema.json")]
    [InlineData(FixtureCatalog.ProcedureFolder + "/rules.json")]
    [InlineData(FixtureCatalog.ProcedureFolder + "/workflow.json")]
    [InlineData(FixtureCatalog.ProcedureFolder + "/templates/result.sbn")]
    [InlineData(FixtureCatalog.ProcedureFolder + "/tests/du-dieu-kien.json")]
    [InlineData("shared/applicant.schema.json")]
    [InlineData("shared/attachments.json")]
    public void A_part_saved_with_a_utf8_byte_order_mark_compiles_as_without_one(string file)
    {
        var before = _catalog.Compile();
        File.WriteAllBytes(_catalog.PathOf(file), [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(_catalog.PathOf(file))]);

        var compilation = _catalog.Compile();

        Assert.Empty(compilation.Diagnostics);
        Assert.Equal(before.Procedure!.ContentHash, compilation.Procedure?.ContentHash);
        Assert.Equal(before.Tests.Count, compilation.Tests.Count);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
