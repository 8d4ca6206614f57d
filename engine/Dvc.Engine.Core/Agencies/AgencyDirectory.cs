using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dvc.Engine.Core.Definitions;

namespace Dvc.Engine.Core.Agencies;

/// <summary>
/// The agencies of a catalog (<c>shared/agencies.json</c>): who they are, their hierarchy and the administrative
/// units they serve. Immutable; the compiler checks procedures against it and the server routes dossiers with it.
/// A catalog without the file has an empty directory, and then agency codes are not checked.
/// </summary>
public sealed partial class AgencyDirectory
{
    /// <summary>Where the agency list lives, relative to the catalog root.</summary>
    public const string FileName = "shared/agencies.json";

    private readonly Dictionary<string, AgencyDefinition> _byCode;

    public AgencyDirectory(IEnumerable<AgencyDefinition> agencies, string? unitsFile = null)
    {
        _byCode = new Dictionary<string, AgencyDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var agency in agencies)
        {
            _byCode.TryAdd(agency.Code, agency);
        }

        All = [.. _byCode.Values];
        UnitsFile = unitsFile;
    }

    public static AgencyDirectory Empty { get; } = new([]);

    public IReadOnlyList<AgencyDefinition> All { get; }

    /// <summary>The unit file (relative to the catalog root) whose versions and ids <see cref="AgencyDefinition.Unit"/> names.</summary>
    public string? UnitsFile { get; }

    public bool IsEmpty => _byCode.Count == 0;

    public AgencyDefinition? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var agency) ? agency : null;

    /// <summary>The parent, its parent, and so on (a cycle, which the loader reports, stops the walk).</summary>
    public IEnumerable<AgencyDefinition> Ancestors(string code)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { code };
        for (var current = Find(Find(code)?.Parent); current is not null && seen.Add(current.Code); current = Find(current.Parent))
        {
            yield return current;
        }
    }

    /// <summary>True when <paramref name="code"/> is <paramref name="ancestor"/> or below it.</summary>
    public bool IsWithin(string code, string ancestor) =>
        string.Equals(code, ancestor, StringComparison.OrdinalIgnoreCase) || Ancestors(code).Any(a => string.Equals(a.Code, ancestor, StringComparison.OrdinalIgnoreCase));

    /// <summary>The agencies (not groups) below <paramref name="group"/> that serve a unit of <paramref name="version"/>, by unit id.</summary>
    public IReadOnlyDictionary<string, AgencyDefinition> ServingUnits(string version, string group) =>
        All.Where(a => !a.IsGroup && a.Unit?.Version == version && IsWithin(a.Code, group))
            .GroupBy(a => a.Unit!.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>Reads <see cref="FileName"/> under <paramref name="catalogRoot"/>; empty when the catalog has none.</summary>
    public static AgencyDirectory Load(string catalogRoot, ICollection<Diagnostic> diagnostics, DefinitionLimits? limits = null) =>
        Load(new CatalogFiles(catalogRoot, limits ?? DefinitionLimits.Default), diagnostics);

    internal static AgencyDirectory Load(CatalogFiles files, ICollection<Diagnostic> diagnostics)
    {
        if (!files.Exists(FileName) || files.ReadJson(FileName, null, diagnostics) is not { } parsed)
        {
            return Empty;
        }

        var lines = files.LineMap(FileName);
        SourceLocation At(string pointer)
        {
            var (line, column) = lines.Find(pointer);
            return new SourceLocation(FileName, pointer, line, column);
        }

        var unitsFile = JsonValues.TryGetString(JsonValues.Property(parsed.Root, "units"), out var u) ? u : null;
        var agencies = new List<(AgencyDefinition Agency, string Pointer)>();
        foreach (var (key, node) in JsonValues.Property(parsed.Root, "agencies") as JsonObject ?? [])
        {
            var pointer = JsonPointer.Append("/agencies", key);
            if (Read(key, node, pointer, At, diagnostics) is { } agency)
            {
                agencies.Add((agency, pointer));
            }
        }

        var directory = new AgencyDirectory(agencies.Select(a => a.Agency), unitsFile);
        CheckHierarchy(directory, agencies, At, diagnostics);
        CheckUnits(directory, agencies, files, At, diagnostics);
        return directory;
    }

    private static AgencyDefinition? Read(string key, JsonNode? node, string pointer, Func<string, SourceLocation> at, ICollection<Diagnostic> diagnostics)
    {
        if (node is not JsonObject json || !JsonValues.TryGetString(json["code"], out var code) || LocalizedText.From(json["name"]) is not { } name)
        {
            diagnostics.Add(at(pointer).Error(AgencyDiagnostics.InvalidAgency, $"Agency '{key}' needs a \"code\" and a \"name\" {{ \"vi\", \"en\" }}."));
            return null;
        }

        if (code != key || code.Length > 64 || !CodePattern().IsMatch(code))
        {
            diagnostics.Add(at(pointer + "/code").Error(AgencyDiagnostics.InvalidAgency, $"Agency code '{code}' must equal its key '{key}' and be upper-case letters, digits and dashes (at most 64)."));
            return null;
        }

        AgencyUnit? unit = null;
        if (json["unit"] is JsonNode unitNode)
        {
            if (!JsonValues.TryGetString(JsonValues.Property(unitNode, "version"), out var version) || !JsonValues.TryGetString(JsonValues.Property(unitNode, "id"), out var id))
            {
                diagnostics.Add(at(pointer + "/unit").Error(AgencyDiagnostics.InvalidAgency, $"Agency '{code}': \"unit\" must be {{ \"version\", \"id\" }} of the unit file."));
                return null;
            }

            unit = new AgencyUnit(version, id);
        }

        DateOnly? Date(string property)
        {
            if (json[property] is null)
            {
                return null;
            }

            if (JsonValues.TryGetDate(json[property], out var date))
            {
                return date;
            }

            diagnostics.Add(at(pointer + "/" + property).Error(AgencyDiagnostics.InvalidAgency, $"Agency '{code}': \"{property}\" must be a date yyyy-MM-dd or null."));
            return null;
        }

        var parent = JsonValues.TryGetString(json["parent"], out var p) ? p : null;
        var group = JsonValues.TryGetBoolean(json["group"], out var g) && g;
        return new AgencyDefinition(code, name, parent, unit, Date("validFrom"), Date("validTo"), group);
    }

    private static void CheckHierarchy(AgencyDirectory directory, List<(AgencyDefinition Agency, string Pointer)> agencies, Func<string, SourceLocation> at, ICollection<Diagnostic> diagnostics)
    {
        foreach (var (agency, pointer) in agencies.Where(a => a.Agency.Parent is not null))
        {
            if (directory.Find(agency.Parent) is null)
            {
                diagnostics.Add(at(pointer + "/parent").Error(AgencyDiagnostics.InvalidParent, $"Agency '{agency.Code}' names parent '{agency.Parent}', which is not in the list."));
            }
            else if (directory.Ancestors(agency.Code).LastOrDefault() is { Parent: { } loop } && directory.Find(loop) is not null)
            {
                diagnostics.Add(at(pointer + "/parent").Error(AgencyDiagnostics.InvalidParent, $"The parents of agency '{agency.Code}' lead back to '{loop}': the hierarchy must not loop."));
            }
        }
    }

    private static void CheckUnits(AgencyDirectory directory, List<(AgencyDefinition Agency, string Pointer)> agencies, CatalogFiles files, Func<string, SourceLocation> at, ICollection<Diagnostic> diagnostics)
    {
        var withUnits = agencies.Where(a => a.Agency.Unit is not null).ToList();
        if (withUnits.Count == 0)
        {
            return;
        }

        if (directory.UnitsFile is null || files.Combine(string.Empty, directory.UnitsFile) is not { } unitsPath
            || files.ReadJson(unitsPath, at("/units"), diagnostics) is not { } parsed)
        {
            diagnostics.Add(at("/units").Error(AgencyDiagnostics.UnknownUnit, "Agencies serve administrative units, so the list needs \"units\": the unit file they come from (e.g. shared/hanoi-units.json)."));
            return;
        }

        var units = AdministrativeUnitFile.Read(parsed.Root);
        foreach (var (agency, pointer) in withUnits)
        {
            var unit = agency.Unit!;
            if (!units.Units(unit.Version).Any(u => AdministrativeUnitFile.Id(u.Unit) == unit.Id))
            {
                diagnostics.Add(at(pointer + "/unit").Error(AgencyDiagnostics.UnknownUnit, $"Agency '{agency.Code}' serves unit '{unit.Id}' of version '{unit.Version}', which {directory.UnitsFile} does not list."));
            }
        }
    }

    [GeneratedRegex("^[A-Z0-9]+(-[A-Z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
