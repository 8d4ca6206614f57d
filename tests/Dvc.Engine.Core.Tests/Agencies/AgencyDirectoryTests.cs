using Dvc.Engine.Core.Agencies;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Tests.Fixtures;

namespace Dvc.Engine.Core.Tests.Agencies;

/// <summary>The shipped agency list, and what the loader says about a broken one.</summary>
public sealed class AgencyDirectoryTests
{
    private static AgencyDirectory Shipped(out List<Diagnostic> diagnostics)
    {
        diagnostics = [];
        return AgencyDirectory.Load(Repository.Definitions(), diagnostics);
    }

    [Fact]
    public void Each_of_the_126_communes_of_2025_has_its_own_peoples_committee()
    {
        var directory = Shipped(out var diagnostics);

        var communes = directory.All.Where(a => a.Unit?.Version == "hn-2025").ToList();

        Assert.Empty(diagnostics);
        Assert.Equal(126, communes.Count);
        Assert.Equal(126, communes.Select(a => a.Unit!.Id).Distinct().Count());
        Assert.All(communes, a => Assert.Equal("HN-UBND-XA", a.Parent));
        Assert.All(communes, a => Assert.True(a.IsValidOn(new DateOnly(2025, 7, 1))));
    }

    [Fact]
    public void The_30_districts_of_2020_are_kept_for_old_dossiers_but_end_on_30_06_2025()
    {
        var directory = Shipped(out _);

        var districts = directory.All.Where(a => a.Unit?.Version == "hn-2020").ToList();

        Assert.Equal(30, districts.Count);
        Assert.All(districts, a => Assert.False(a.IsValidOn(new DateOnly(2025, 7, 1))));
        Assert.All(districts, a => Assert.True(a.IsValidOn(new DateOnly(2025, 6, 30))));
    }

    [Fact]
    public void A_commune_and_a_department_sit_under_the_city_peoples_committee()
    {
        var directory = Shipped(out _);

        Assert.Equal(["HN-UBND-XA", "HN-UBND"], directory.Ancestors("HN-P-BA-DINH").Select(a => a.Code));
        Assert.Equal(["HN-UBND"], directory.Ancestors("HN-STP").Select(a => a.Code));
        Assert.True(directory.Find("HN-UBND-XA")!.IsGroup);
    }

    [Fact]
    public void The_catalog_compilation_carries_the_agency_list()
    {
        var compilation = new ProcedureCompiler().CompileCatalog(Repository.Definitions());

        Assert.Equal("Ủy ban nhân dân phường Kim Liên", compilation.Agencies!.Find("HN-P-KIM-LIEN")!.Name.Vi);
    }

    [Theory]
    [InlineData("""{ "agencies": { "A": { "code": "B", "name": { "vi": "A" } } } }""", AgencyDiagnostics.InvalidAgency)]
    [InlineData("""{ "agencies": { "A": { "code": "A" } } }""", AgencyDiagnostics.InvalidAgency)]
    [InlineData("""{ "agencies": { "A": { "code": "A", "name": { "vi": "A" }, "parent": "Z" } } }""", AgencyDiagnostics.InvalidParent)]
    [InlineData("""{ "agencies": { "A": { "code": "A", "name": { "vi": "A" }, "parent": "B" }, "B": { "code": "B", "name": { "vi": "B" }, "parent": "A" } } }""", AgencyDiagnostics.InvalidParent)]
    [InlineData("""{ "agencies": { "A": { "code": "A", "name": { "vi": "A" }, "unit": { "version": "v", "id": "x" } } } }""", AgencyDiagnostics.UnknownUnit)]
    [InlineData("""{ "agencies": { "A": { "code": "A", "name": { "vi": "A" }, "validTo": "30/06/2025" } } }""", AgencyDiagnostics.InvalidAgency)]
    public void A_broken_agency_list_is_a_catalog_diagnostic(string json, string code)
    {
        using var catalog = new FixtureCatalog();
        catalog.Write(AgencyDirectory.FileName, json);

        var compilation = new ProcedureCompiler().CompileCatalog(catalog.Root);

        Assert.Contains(compilation.Diagnostics, d => d.Code == code && d.File == AgencyDirectory.FileName && d.IsError);
    }
}
