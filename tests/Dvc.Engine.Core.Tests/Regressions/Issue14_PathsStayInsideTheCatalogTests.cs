using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Tests.Cli;
using Dvc.Engine.Core.Tests.Fixtures;

namespace Dvc.Engine.Core.Tests.Regressions;

/// <summary>
/// Issue 14, items 1–2: a definition is untrusted, so no path in it (parts, templates, tests, <c>$ref</c>) may reach a
/// file outside the catalog, through "..", an absolute path or a symbolic link. Each test uses the reproduction.
/// </summary>
public sealed class Issue14_PathsStayInsideTheCatalogTests : IDisposable
{
    private readonly FixtureCatalog _catalog = new();
    private readonly string _server = Directory.CreateTempSubdirectory("dvc-server-folder-").FullName;

    public Issue14_PathsStayInsideTheCatalogTests()
    {
        File.WriteAllText(Path.Combine(_server, "appsettings.json"), """
            { "Authentication": { "Oidc": { "ClientId": "dvc", "ClientSecret": "bi-mat-cua-may-chu" } } }
            """);
    }

    public void Dispose()
    {
        _catalog.Dispose();
        Directory.Delete(_server, recursive: true);
    }

    [Fact]
    public void A_template_path_with_a_newline_before_dot_dot_is_refused_at_compile()
    {
        _catalog.EditJson("procedure.json", m => m["parts"]!["templates"]!["result"] = "\n../../../../../../etc/passwd");

        var compilation = _catalog.Compile();

        Assert.Null(compilation.Procedure);
        var error = DiagnosticAssert.Single(compilation.Diagnostics, DefinitionDiagnostics.OutsideCatalog);
        Assert.Equal("/parts/templates/result", error.JsonPointer);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Message.Contains("root:", StringComparison.Ordinal));
    }

    [Fact]
    public void Dvc_validate_reports_the_escaping_template_path_and_exits_1()
    {
        _catalog.EditJson("procedure.json", m => m["parts"]!["templates"]!["result"] = "\n../../../../../../etc/passwd");

        var (exitCode, output, _) = CliRunner.Run("validate", _catalog.Root);

        Assert.Equal(1, exitCode);
        Assert.Contains(CliRunner.Lines(output), l => l.Contains("error " + DefinitionDiagnostics.OutsideCatalog, StringComparison.Ordinal));
        Assert.DoesNotContain("root:x:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("form", "templates/../../../../../../../proc/self/environ")]
    [InlineData("rules", "../../../../../../../../etc/passwd")]
    [InlineData("workflow", "..\\..\\..\\..\\..\\..\\etc\\passwd")]
    [InlineData("tests", "../../../../../../../../etc")]
    public void Every_part_path_is_checked_on_the_resolved_path(string part, string path)
    {
        _catalog.EditJson("procedure.json", m => m["parts"]![part] = path);

        var compilation = _catalog.Compile();

        Assert.Contains(compilation.Diagnostics, d => d.Code == DefinitionDiagnostics.OutsideCatalog && d.JsonPointer == "/parts/" + part);
        Assert.Null(part == "tests" ? null : compilation.Procedure);
    }

    [Fact]
    public void A_ref_through_a_shared_link_to_the_server_folder_is_refused()
    {
        Directory.CreateSymbolicLink(_catalog.PathOf("shared/ext"), _server);
        _catalog.Replace("form.schema.json", "\"$ref\": \"shared/applicant.schema.json#/definitions/applicant\"", "\"$ref\": \"shared/ext/appsettings.json#/Authentication/Oidc\"");

        var compilation = _catalog.Compile();

        Assert.Null(compilation.Procedure);
        Assert.Contains(compilation.Diagnostics, d => d.Code == DefinitionDiagnostics.OutsideCatalog && d.File.EndsWith("form.schema.json", StringComparison.Ordinal));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Message.Contains("bi-mat", StringComparison.Ordinal));
    }

    [Fact]
    public void A_template_that_is_a_link_to_a_server_file_is_refused()
    {
        _catalog.Delete(FixtureCatalog.ProcedureFolder + "/templates/result.sbn");
        File.CreateSymbolicLink(_catalog.PathOf(FixtureCatalog.ProcedureFolder + "/templates/result.sbn"), Path.Combine(_server, "appsettings.json"));

        var compilation = _catalog.Compile();

        Assert.Null(compilation.Procedure);
        Assert.Equal("/parts/templates/result", DiagnosticAssert.Single(compilation.Diagnostics, DefinitionDiagnostics.OutsideCatalog).JsonPointer);
    }

    [Fact]
    public void A_procedure_folder_that_is_a_link_out_of_the_catalog_is_not_compiled()
    {
        var outside = Directory.CreateTempSubdirectory("dvc-outside-").FullName;
        try
        {
            FixtureCatalog.Copy(_catalog.ProcedurePath, Path.Combine(outside, "HN-TEST-002"));
            Directory.CreateSymbolicLink(_catalog.PathOf("procedures/HN-TEST-002"), Path.Combine(outside, "HN-TEST-002"));

            var catalog = new ProcedureCompiler().CompileCatalog(_catalog.Root);

            var linked = Assert.Single(catalog.Procedures, p => p.Folder == "procedures/HN-TEST-002");
            Assert.Null(linked.Procedure);
            Assert.Contains(linked.Diagnostics, d => d.Code == DefinitionDiagnostics.OutsideCatalog);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void A_link_that_stays_inside_the_catalog_is_followed()
    {
        var shared = _catalog.PathOf("shared/applicant.schema.json");
        File.Move(shared, _catalog.PathOf("shared/applicant.v2.schema.json"));
        File.CreateSymbolicLink(shared, "applicant.v2.schema.json");

        var procedure = _catalog.CompileValid();

        Assert.NotNull(procedure.Form.Find("/applicant/fullName"));
    }

    [Fact]
    public void A_test_file_that_is_a_link_out_of_the_catalog_is_not_read()
    {
        File.WriteAllText(Path.Combine(_server, "case.json"), """{ "name": "bi-mat", "input": {}, "expect": { "eligible": true } }""");
        File.CreateSymbolicLink(_catalog.PathOf(FixtureCatalog.ProcedureFolder + "/tests/zz-link.json"), Path.Combine(_server, "case.json"));

        var compilation = _catalog.Compile();

        Assert.DoesNotContain(compilation.Tests, t => t.Name.Contains("bi-mat", StringComparison.Ordinal));
        Assert.Contains(compilation.Diagnostics, d => d.Code == DefinitionDiagnostics.OutsideCatalog && d.File.EndsWith("zz-link.json", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("shared/../procedures/HN-TEST-001/rules.json", true)]
    [InlineData("../definitions-evil/x.json", false)]
    [InlineData("/etc/passwd", false)]
    [InlineData("a\0b", false)]
    public void Catalog_path_resolves_inside_and_refuses_outside(string path, bool inside)
    {
        var resolved = CatalogPath.Resolve(_catalog.Root, path);

        Assert.Equal(inside, resolved is not null);
    }
}
