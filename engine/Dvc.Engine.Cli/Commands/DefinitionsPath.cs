using Dvc.Engine.Core.Definitions;

namespace Dvc.Engine.Cli.Commands;

/// <summary>
/// What a path argument names: a catalog (a folder with procedures/, or the procedures/ folder itself) or one procedure
/// folder (with procedure.json). No argument means ./definitions when it exists, else the current folder.
/// </summary>
internal sealed record DefinitionsPath(string CatalogRoot, string? ProcedureFolder)
{
    public static DefinitionsPath? Resolve(string? argument, out string? problem)
    {
        problem = null;
        var path = Path.GetFullPath(argument ?? (Directory.Exists("definitions") ? "definitions" : "."));
        if (!Directory.Exists(path))
        {
            problem = $"'{path}' is not a folder.";
            return null;
        }

        if (File.Exists(Path.Combine(path, ProcedureCompiler.ManifestFileName)))
        {
            return new DefinitionsPath(ProcedureCompiler.FindCatalogRoot(path), path);
        }

        if (Directory.Exists(Path.Combine(path, ProcedureCompiler.ProceduresFolder)))
        {
            return new DefinitionsPath(path, null);
        }

        if (Path.GetFileName(path.TrimEnd(Path.DirectorySeparatorChar)) == ProcedureCompiler.ProceduresFolder)
        {
            return new DefinitionsPath(Path.GetDirectoryName(path.TrimEnd(Path.DirectorySeparatorChar))!, null);
        }

        problem = $"'{path}' is neither a catalog (a folder with {ProcedureCompiler.ProceduresFolder}/) nor a procedure folder (with {ProcedureCompiler.ManifestFileName}).";
        return null;
    }

    /// <summary>Compiles what the path names.</summary>
    public CatalogCompilation Compile(ProcedureCompiler compiler) =>
        ProcedureFolder is null
            ? compiler.CompileCatalog(CatalogRoot)
            : new CatalogCompilation(CatalogRoot, [compiler.CompileFolder(ProcedureFolder, CatalogRoot)], []);
}
