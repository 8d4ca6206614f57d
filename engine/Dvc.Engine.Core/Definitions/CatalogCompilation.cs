namespace Dvc.Engine.Core.Definitions;

/// <summary>
/// Every procedure of a catalog, compiled independently (one broken procedure never stops the others), plus
/// catalog-level diagnostics and the catalog's agency list (empty when it has none).
/// </summary>
public sealed record CatalogCompilation(string Root, IReadOnlyList<ProcedureCompilation> Procedures, IReadOnlyList<Diagnostic> Diagnostics, Agencies.AgencyDirectory? Agencies = null)
{
    public IEnumerable<Diagnostic> AllDiagnostics => Diagnostics.Concat(Procedures.SelectMany(p => p.Diagnostics));

    public bool HasErrors => AllDiagnostics.Any(d => d.IsError);

    public IEnumerable<CompiledProcedure> Compiled => Procedures.Where(p => p.Procedure is not null).Select(p => p.Procedure!);
}
