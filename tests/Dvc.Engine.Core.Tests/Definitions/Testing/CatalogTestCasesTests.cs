using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Tests.Fixtures;
using Dvc.Engine.Core.Definitions.Testing;

namespace Dvc.Engine.Core.Tests.Definitions.Testing;

/// <summary>
/// Every procedure's tests/*.json, as one data-driven test: the repository's definitions/ catalog (found by walking up to
/// Dvc.Engine.sln) and the fixture catalog. Also asserts the repository catalog compiles without errors.
/// </summary>
public sealed class CatalogTestCasesTests
{
    private static readonly Lazy<IReadOnlyList<CatalogCompilation>> Catalogs = new(() =>
    {
        var compiler = new ProcedureCompiler();
        return [.. CatalogRoots().Select(root => compiler.CompileCatalog(root))];
    });

    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var catalog in Catalogs.Value)
        {
            foreach (var procedure in catalog.Procedures)
            {
                for (var i = 0; i < procedure.Tests.Count; i++)
                {
                    data.Add(catalog.Root, procedure.Code, i);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_test_case_of_each_procedure_passes(string catalogRoot, string code, int index)
    {
        var procedure = Catalogs.Value.Single(c => c.Root == catalogRoot).Procedures.Single(p => p.Code == code);
        Assert.True(procedure.Procedure is not null, $"{code} does not compile:\n" + string.Join("\n", procedure.Diagnostics));

        var result = new ProcedureTestRunner().Run(procedure.Procedure, procedure.Tests[index]);

        Assert.True(result.Passed, $"{code} — {result.Name} ({result.File}):\n" + string.Join("\n", result.Failures));
    }

    [Fact]
    public void Every_catalog_compiles_without_errors()
    {
        var errors = Catalogs.Value.SelectMany(c => c.AllDiagnostics).Where(d => d.IsError).ToArray();

        Assert.True(errors.Length == 0, string.Join("\n", errors));
        Assert.NotEmpty(Catalogs.Value.SelectMany(c => c.Compiled));
    }

    private static IEnumerable<string> CatalogRoots()
    {
        yield return Path.Combine(AppContext.BaseDirectory, "Fixtures", "definitions");
        if (Repository.Root() is { } root && Directory.Exists(Path.Combine(root, "definitions", ProcedureCompiler.ProceduresFolder)))
        {
            yield return Path.Combine(root, "definitions");
        }
    }
}
