using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dvc.Designer.Drafts;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Rules;
using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Dvc.Engine.Server.Designer;

/// <summary>
/// Where a draft is compiled: its files are written under a temporary catalog root whose <c>shared/</c> is the server's
/// own (a link), so <c>$ref</c>s resolve exactly as they will once published, and every path stays inside that root.
/// Checks use a compiler of their own (rules engine included), so drafts never enter the catalog's rules engine.
/// </summary>
internal sealed partial class DraftWorkspace(ActivityRegistry activities, IOptions<DvcServerOptions> options, IWebHostEnvironment environment)
{
    private IReadOnlyDictionary<string, string>? _shared;

    public string? DefinitionsRoot { get; } = DefinitionsLocator.Locate(options.Value.DefinitionsPath, environment.ContentRootPath);

    public static bool IsCode(string code) => CodePattern().IsMatch(code);

    /// <summary>Compiles the draft with a fresh compiler: diagnostics, test cases and (when it compiles) the procedure.</summary>
    public ProcedureCompilation Check(string code, IReadOnlyDictionary<string, string> files) =>
        Use(code, files, (root, folder) =>
            new ProcedureCompiler(new ProcedureCompilerOptions { MaxDegreeOfParallelism = 1 }, activities, new RuleEngineHost()).CompileFolder(folder, root));

    /// <summary>Runs <paramref name="use"/> with the draft written out: the catalog root and the procedure folder.</summary>
    public T Use<T>(string code, IReadOnlyDictionary<string, string> files, Func<string, string, T> use)
    {
        var root = Path.Combine(Path.GetTempPath(), "dvc-designer", Guid.NewGuid().ToString("N"));
        var folder = Path.Combine(root, ProcedureCompiler.ProceduresFolder, code);
        try
        {
            Directory.CreateDirectory(folder);
            // The shared fragments and workflows are copied, not linked: the compiler refuses any part reached through
            // a link (it could lead outside the catalog), so a link would make every draft's agency $ref an error.
            if (DefinitionsRoot is { } definitions && Directory.Exists(Path.Combine(definitions, "shared")))
            {
                var shared = Path.Combine(definitions, "shared");
                foreach (var file in Directory.EnumerateFiles(shared, "*", SearchOption.AllDirectories))
                {
                    var copy = Path.Combine(root, "shared", Path.GetRelativePath(shared, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                    File.Copy(file, copy);
                }
            }

            foreach (var (path, text) in files)
            {
                if (!ProcedureFiles.IsSafePath(path))
                {
                    continue;
                }

                var target = Path.Combine(folder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, text);
            }

            return use(root, folder);
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // The OS cleans the temp folder; a leftover never affects another draft (each has its own folder).
            }
        }
    }

    /// <summary>The shared fragments (path under definitions/ → text) the builders show and reference.</summary>
    public IReadOnlyDictionary<string, string> Shared()
    {
        if (_shared is not null)
        {
            return _shared;
        }

        var shared = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (DefinitionsRoot is { } root && Directory.Exists(Path.Combine(root, "shared")))
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "shared"), "*.json"))
            {
                shared["shared/" + Path.GetFileName(file)] = File.ReadAllText(file);
            }
        }

        return _shared = shared;
    }

    /// <summary>The facts of a draft the catalog lists, read from procedure.json (agency through its shared $ref).</summary>
    public DraftFacts Facts(IReadOnlyDictionary<string, string> files)
    {
        var manifest = ProcedureFiles.TryParse(files.GetValueOrDefault(ProcedureFiles.Manifest)) as JsonObject;
        var agency = manifest?["agency"];
        var agencyCode = agency?["code"]?.ToString()
            ?? (agency?["$ref"]?.ToString() is { } reference ? reference[(reference.LastIndexOf('/') + 1)..] : "");
        return new DraftFacts(
            agencyCode,
            manifest?["name"]?["vi"]?.ToString() ?? "",
            manifest?["name"]?["en"]?.ToString() ?? "",
            manifest?["administrativeLevel"]?.ToString() ?? "",
            manifest?["serviceLevel"] is JsonValue v && v.TryGetValue<int>(out var level) ? level : 0);
    }

    [GeneratedRegex("^[A-Z0-9]+(-[A-Z0-9]+)+$")]
    private static partial Regex CodePattern();
}

internal sealed record DraftFacts(string AgencyCode, string NameVi, string NameEn, string AdministrativeLevel, int ServiceLevel);
