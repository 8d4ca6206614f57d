using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dvc.Engine.Core.Definitions;

namespace Dvc.Engine.Server.Catalog;

/// <summary>
/// A procedure version as stored in the database: the text of every file it compiles from — its folder (without
/// tests) and the shared fragments it references through <c>$ref</c> or <c>x-ui.units</c> — so a dossier filed under
/// it can be compiled again after <c>definitions/</c> has moved on.
/// </summary>
internal static partial class ProcedureBundle
{
    public static string Create(string definitionsRoot, string procedureFolder, string code, string version, string contentHash)
    {
        // Every file goes through the compiler's containment check (links resolved): a link out of the catalog is
        // neither compiled nor stored.
        var root = CatalogPath.RealRoot(definitionsRoot);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var pending = new Queue<string>();
        if (CatalogPath.Resolve(root, procedureFolder) is { } folder && Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, procedureFolder), "*", SearchOption.AllDirectories))
            {
                var relative = Relative(root, file);
                if (!relative.Contains("/tests/", StringComparison.Ordinal))
                {
                    Add(root, relative, files, pending);
                }
            }
        }

        while (pending.TryDequeue(out var relative))
        {
            var directory = Path.GetDirectoryName(relative) ?? "";
            foreach (Match match in References().Matches(files[relative]))
            {
                Add(root, match.Groups["ref"].Success ? Path.Combine(directory, match.Groups["ref"].Value) : match.Groups["units"].Value, files, pending);
            }
        }

        var bundle = new JsonObject
        {
            ["code"] = code,
            ["version"] = version,
            ["contentHash"] = contentHash,
            ["folder"] = procedureFolder,
            ["files"] = new JsonObject([.. files.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value)))]),
        };
        return bundle.ToJsonString();
    }

    /// <summary>Writes the bundle's files under <paramref name="target"/> and returns the procedure folder to compile.</summary>
    public static string? Materialize(string bundleJson, string target)
    {
        if (JsonNode.Parse(bundleJson) is not JsonObject bundle || bundle["files"] is not JsonObject files || bundle["folder"]?.GetValue<string>() is not { } folder)
        {
            return null;
        }

        var root = Path.GetFullPath(target);
        foreach (var (relative, content) in files)
        {
            var path = Path.GetFullPath(Path.Combine(root, relative));
            if (!CatalogPath.IsInside(root, path))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content?.GetValue<string>() ?? "");
        }

        return Path.Combine(root, folder);
    }

    private static void Add(string root, string path, SortedDictionary<string, string> files, Queue<string> pending)
    {
        if (CatalogPath.Resolve(root, path) is not { } full || !File.Exists(full))
        {
            return;
        }

        var relative = Relative(root, Path.GetFullPath(Path.Combine(root, path)));
        if (files.ContainsKey(relative))
        {
            return;
        }

        files[relative] = File.ReadAllText(full);
        if (relative.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            pending.Enqueue(relative);
        }
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    [GeneratedRegex("\"\\$ref\"\\s*:\\s*\"(?<ref>[^\"#]+)[^\"]*\"|\"units\"\\s*:\\s*\"(?<units>[^\"]+)\"")]
    private static partial Regex References();
}
