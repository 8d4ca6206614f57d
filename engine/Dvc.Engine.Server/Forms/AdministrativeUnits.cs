using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Dvc.Engine.Server.Forms;

/// <summary>
/// Reads unit files such as <c>definitions/shared/hanoi-units.json</c> (versions → units → child units) once each.
/// A version whose <c>levels</c> is <c>["commune"]</c> has communes directly under the province (two-tier
/// government since 07/2025); otherwise districts hold wards.
/// </summary>
internal sealed class AdministrativeUnits(IOptions<DvcServerOptions> options, IWebHostEnvironment environment) : IAdministrativeUnits
{
    private readonly ConcurrentDictionary<string, JsonObject?> _files = new(StringComparer.Ordinal);

    public UnitOptions? Options(string file, string? version, string widget, string valueField)
    {
        var root = _files.GetOrAdd(file, Load);
        if (root?["versions"] is not JsonArray versions)
        {
            return null;
        }

        var chosen = versions.OfType<JsonObject>().FirstOrDefault(v => version is null || v["id"]?.GetValue<string>() == version);
        if (chosen?["units"] is not JsonArray units)
        {
            return null;
        }

        var province = root["province"]?[valueField]?.GetValue<string>() ?? root["province"]?["name"]?.GetValue<string>();
        var communesOnly = chosen["levels"] is JsonArray levels && levels.Count == 1 && levels[0]?.GetValue<string>() == "commune";
        var complete = chosen["unitsComplete"]?.GetValue<bool>() ?? true;
        var options = new List<FormOption>();

        if (communesOnly || widget == FormWidgets.District)
        {
            if (communesOnly && widget == FormWidgets.District)
            {
                return new UnitOptions([], true);
            }

            options.AddRange(units.OfType<JsonObject>().Select(u => Option(u, valueField, province)));
            return new UnitOptions(options, true);
        }

        foreach (var district in units.OfType<JsonObject>())
        {
            var parent = Value(district, valueField);
            if (district["units"] is JsonArray wards)
            {
                options.AddRange(wards.OfType<JsonObject>().Select(w => Option(w, valueField, parent)));
            }
        }

        return new UnitOptions(options, complete);
    }

    private static FormOption Option(JsonObject unit, string valueField, string? parent)
    {
        var value = Value(unit, valueField);
        return new FormOption(value, new LocalizedString(unit["fullName"]?.GetValue<string>() ?? value, null), parent);
    }

    private static string Value(JsonObject unit, string valueField) =>
        unit[valueField]?.GetValue<string>() ?? unit["id"]?.GetValue<string>() ?? "";

    private JsonObject? Load(string file)
    {
        var definitions = DefinitionsLocator.Locate(options.Value.DefinitionsPath, environment.ContentRootPath);
        if (definitions is null)
        {
            return null;
        }

        // The same containment as the compiler's (links resolved): a unit list is a catalog file or nothing.
        if (CatalogPath.Resolve(definitions, file) is not { } path || !File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
