using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;

namespace Dvc.Engine.Core.Agencies;

/// <summary>
/// A unit file such as <c>shared/hanoi-units.json</c>: versions, each a tree of units (<c>id</c>, <c>fullName</c>,
/// nested <c>units</c>). A version whose <c>levels</c> is <c>["commune"]</c> has communes right under the province.
/// </summary>
internal sealed class AdministrativeUnitFile
{
    private readonly Dictionary<string, JsonObject> _versions = new(StringComparer.Ordinal);

    private AdministrativeUnitFile()
    {
    }

    public static AdministrativeUnitFile Read(JsonNode? root)
    {
        var file = new AdministrativeUnitFile();
        foreach (var version in (JsonValues.Property(root, "versions") as JsonArray ?? []).OfType<JsonObject>())
        {
            if (JsonValues.TryGetString(version["id"], out var id))
            {
                file._versions.TryAdd(id, version);
            }
        }

        return file;
    }

    public bool HasVersion(string version) => _versions.ContainsKey(version);

    /// <summary>Every unit of a version at any depth, with its depth (0 = right under the province).</summary>
    public IEnumerable<(JsonObject Unit, int Depth)> Units(string version)
    {
        return _versions.TryGetValue(version, out var v) ? Walk(v["units"] as JsonArray, 0) : [];

        static IEnumerable<(JsonObject, int)> Walk(JsonArray? units, int depth)
        {
            foreach (var unit in (units ?? []).OfType<JsonObject>())
            {
                yield return (unit, depth);
                foreach (var child in Walk(unit["units"] as JsonArray, depth + 1))
                {
                    yield return child;
                }
            }
        }
    }

    /// <summary>The depth a widget picks from: districts at 0; wards and communes at the version's lowest level.</summary>
    public int DepthFor(string version, string? widget)
    {
        var communesOnly = _versions.TryGetValue(version, out var v) && v["levels"] is JsonArray levels
            && levels.Count == 1 && JsonValues.TryGetString(levels[0], out var level) && level == "commune";
        return widget == "district" || communesOnly ? 0 : 1;
    }

    public static string? Id(JsonObject unit) => JsonValues.TryGetString(unit["id"], out var id) ? id : null;

    /// <summary>What a form stores for the unit: <paramref name="valueField"/> (e.g. <c>fullName</c>), else its id.</summary>
    public static string? Value(JsonObject unit, string valueField) =>
        JsonValues.TryGetString(unit[valueField], out var value) ? value : Id(unit);
}
