using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Forms;
using Dvc.Engine.Core.Workflows.Model;

namespace Dvc.Engine.Core.Agencies;

/// <summary>
/// Compiles where a procedure's work goes (see <see cref="ProcedureRouting"/>) and checks it against the form, the
/// unit file and the agency list: an unknown field, a field that is not a unit, a unit no agency serves, an unknown
/// or group agency, and a hand-over task's <c>shows</c> are diagnostics, never a dossier that reaches nobody.
/// </summary>
internal sealed class JurisdictionCompiler(
    CatalogFiles files,
    AgencyDirectory directory,
    ProcedureManifest manifest,
    FormDefinition form,
    ICollection<Diagnostic> diagnostics)
{
    private const string HumanTaskType = "Dvc.HumanTask";
    private static readonly HashSet<string> UnitWidgets = new(StringComparer.Ordinal) { "district", "ward", "commune" };
    private static readonly string[] DeclaredInputs = ["agency", "shows"];

    /// <summary>The routing, or null when a declaration is wrong (the diagnostics say where).</summary>
    /// <param name="workflowLines">Built only when a task declares routing, so most procedures never pay for it.</param>
    public ProcedureRouting? Compile(ResolvedJson manifestJson, JsonObject manifestObject, WorkflowDocument? workflow, string workflowFile, Lazy<JsonLineMap> workflowLines)
    {
        var before = diagnostics.Count(d => d.IsError);
        var handling = manifestObject["jurisdiction"] is JsonObject declaration
            ? UnitSelector(declaration, manifestJson.Locate, "/jurisdiction")
            : FixedSelector(manifest.Agency.Code, manifestJson.Locate("/agency/code"), warnWhenUnknown: true);

        var tasks = new Dictionary<string, TaskRouting>(StringComparer.Ordinal);
        foreach (var node in workflow?.AllActivities().Where(a => a.Type == HumanTaskType) ?? [])
        {
            SourceLocation At(string pointer)
            {
                var (line, column) = workflowLines.Value.Find(pointer);
                return new SourceLocation(workflowFile, pointer, line, column);
            }

            if (DeclaredInputs.FirstOrDefault(n => node.Inputs.TryGetValue(n, out var i) && i.ExpressionType != "Literal") is { } computed)
            {
                // Routing is checked before any dossier exists, so it must be a declaration, not a script.
                Invalid(At(node.Inputs[computed].TypePointer), $"'{computed}' of human task '{node.Id}' must be written as data (plain or Literal), not as an expression.");
                continue;
            }

            var (agencyNode, agencyPointer) = Plain(node, "agency");
            var (showsNode, showsPointer) = Plain(node, "shows");
            if (agencyNode is null && showsNode is null)
            {
                continue;
            }

            AgencySelector? agency = agencyNode switch
            {
                null => null,
                JsonValue value when JsonValues.TryGetString(value, out var code) => FixedSelector(code, At(agencyPointer), warnWhenUnknown: false),
                JsonObject { Count: 1 } o when JsonValues.TryGetString(o["code"], out var code) => FixedSelector(code, At(agencyPointer + "/code"), warnWhenUnknown: false),
                JsonObject o when o["unitField"] is not null && o["code"] is null => UnitSelector(o, p => At(agencyPointer + p), string.Empty),
                _ => Invalid(At(agencyPointer), $"The agency of human task '{node.Id}' must be {{ \"code\": \"HN-CA\" }} or {{ \"unitField\": \"/a/unit/field\" }}."),
            };
            var shows = Shows(node.Id, showsNode, At, showsPointer);
            if (agencyNode is not null && shows.Fields.Count == 0 && shows.Attachments.Count == 0)
            {
                diagnostics.Add(At(agencyPointer).Warning(
                    AgencyDiagnostics.ShowsNothing,
                    $"Human task '{node.Id}' goes to another agency but has no \"shows\": its officers will see only the task title and the dossier code."));
            }

            tasks[node.Id] = new TaskRouting(agency, shows);
        }

        return diagnostics.Count(d => d.IsError) > before || handling is null ? null : new ProcedureRouting(handling, tasks);
    }

    private AgencySelector? FixedSelector(string code, SourceLocation at, bool warnWhenUnknown)
    {
        if (directory.IsEmpty)
        {
            return AgencySelector.Fixed(code);
        }

        switch (directory.Find(code))
        {
            case null when warnWhenUnknown:
                // A new procedure's placeholder agency should not stop it compiling; officers can still be given the code.
                diagnostics.Add(at.Warning(AgencyDiagnostics.UnknownAgency, $"Agency '{code}' is not in {AgencyDirectory.FileName}; add it there so it has a name and a place in the hierarchy."));
                return AgencySelector.Fixed(code);
            case null:
                return Invalid(at, $"Agency '{code}' is not in {AgencyDirectory.FileName}.", AgencyDiagnostics.UnknownAgency);
            case { IsGroup: true } group:
                return Invalid(at, $"'{group.Code}' ({group.Name.Vi}) is a group of agencies and handles no dossier itself; declare \"jurisdiction\": {{ \"unitField\": … }} to choose one of them, or name one agency.", AgencyDiagnostics.AgencyIsGroup);
            case var agency:
                return AgencySelector.Fixed(agency.Code);
        }
    }

    private AgencySelector? UnitSelector(JsonObject declaration, Func<string, SourceLocation> locate, string prefix)
    {
        if (!JsonValues.TryGetString(declaration["unitField"], out var pointer))
        {
            return Invalid(locate(prefix), "\"unitField\" must be the JSON pointer of a unit field of the form, e.g. \"/registrationCommune\".");
        }

        var fieldAt = locate(prefix + "/unitField");
        var under = JsonValues.TryGetString(declaration["under"], out var u) ? u : manifest.Agency.Code;
        var underAt = locate(declaration["under"] is null ? "/agency/code" : prefix + "/under");
        var tokens = JsonPointer.Parse(pointer);
        if (tokens is null || form.Find(pointer) is not { } field)
        {
            return Invalid(fieldAt, $"'{pointer}' is not a field of the form, so no agency can be chosen from it.", AgencyDiagnostics.UnknownField);
        }

        JsonPointer.TryNavigate(form.Schema, field.SchemaPointer, out var schema);
        var hints = JsonValues.Property(schema, "x-ui");
        if (tokens.Any(t => t == "*" || (t.Length > 0 && t.All(char.IsAsciiDigit)))
            || field.Widget is not { } widget || !UnitWidgets.Contains(widget)
            || !JsonValues.TryGetString(JsonValues.Property(hints, "units"), out var unitsFile)
            || !JsonValues.TryGetString(JsonValues.Property(hints, "unitsVersion"), out var version))
        {
            return Invalid(fieldAt, $"'{pointer}' is not an administrative-unit field: it needs widget district, ward or commune with x-ui.units and x-ui.unitsVersion, outside any repeating group.", AgencyDiagnostics.NotAUnitField);
        }

        if (directory.IsEmpty)
        {
            return Invalid(fieldAt, $"The catalog has no agency list ({AgencyDirectory.FileName}), so no agency serves the units of '{pointer}'.", AgencyDiagnostics.UnitWithoutAgency);
        }

        if (directory.Find(under) is null)
        {
            return Invalid(underAt, $"Agency '{under}' is not in {AgencyDirectory.FileName}.", AgencyDiagnostics.UnknownAgency);
        }

        var unitsPath = files.Combine(string.Empty, unitsFile);
        var units = unitsPath is null ? null : files.ReadJson(unitsPath, null, diagnostics) is { } parsed ? AdministrativeUnitFile.Read(parsed.Root) : null;
        if (units is null || !units.HasVersion(version))
        {
            return Invalid(fieldAt, $"'{pointer}' lists units from '{unitsFile}' version '{version}', which does not exist.", AgencyDiagnostics.NotAUnitField);
        }

        var valueField = JsonValues.TryGetString(JsonValues.Property(hints, "valueField"), out var vf) ? vf : "id";
        var depth = units.DepthFor(version, widget);
        var serving = directory.ServingUnits(version, under);
        var byUnit = new Dictionary<string, string>(StringComparer.Ordinal);
        var orphans = new List<string>();
        foreach (var (unit, _) in units.Units(version).Where(x => x.Depth == depth))
        {
            if (AdministrativeUnitFile.Value(unit, valueField) is not { } value || AdministrativeUnitFile.Id(unit) is not { } id)
            {
                continue;
            }

            if (serving.TryGetValue(id, out var agency))
            {
                byUnit.TryAdd(value, agency.Code);
            }
            else
            {
                orphans.Add(value);
            }
        }

        if (orphans.Count > 0)
        {
            var shown = string.Join(", ", orphans.Take(5)) + (orphans.Count > 5 ? $" and {orphans.Count - 5} more" : string.Empty);
            return Invalid(fieldAt, $"{orphans.Count} unit(s) of '{pointer}' have no agency under '{under}' in {AgencyDirectory.FileName}: {shown}. A dossier for them would reach nobody.", AgencyDiagnostics.UnitWithoutAgency);
        }

        return AgencySelector.FromUnit(pointer, byUnit, form);
    }

    private TaskDisclosure Shows(string taskId, JsonNode? node, Func<string, SourceLocation> at, string pointer)
    {
        if (node is null)
        {
            return TaskDisclosure.Nothing;
        }

        if (node is not JsonObject shows || shows.Any(p => p.Key is not ("fields" or "attachments")))
        {
            Invalid(at(pointer), $"\"shows\" of human task '{taskId}' must be {{ \"fields\": [JSON pointers], \"attachments\": [attachment ids] }}.", AgencyDiagnostics.UnknownShownItem);
            return TaskDisclosure.Nothing;
        }

        List<string> Read(string key, Func<string, bool> exists, string what)
        {
            var list = new List<string>();
            var items = shows[key] as JsonArray ?? [];
            for (var i = 0; i < items.Count; i++)
            {
                if (JsonValues.TryGetString(items[i], out var item) && exists(item))
                {
                    list.Add(item);
                }
                else
                {
                    Invalid(at(JsonPointer.Append(pointer + "/" + key, i)), $"Human task '{taskId}' shows {what} '{items[i]?.ToJsonString()}', which the procedure does not have.", AgencyDiagnostics.UnknownShownItem);
                }
            }

            return list;
        }

        return new TaskDisclosure(
            Read("fields", f => f.StartsWith('/') && form.Find(f) is not null, "the field"),
            Read("attachments", a => manifest.FindAttachment(a) is not null, "the attachment"));
    }

    private AgencySelector? Invalid(SourceLocation at, string message, string code = AgencyDiagnostics.InvalidSelector)
    {
        diagnostics.Add(at.Error(code, message));
        return null;
    }

    /// <summary>An input written plain (<c>"agency": {…}</c>) or wrapped as an Elsa Literal; with its value's pointer.</summary>
    private static (JsonNode? Value, string Pointer) Plain(ActivityNode node, string name) =>
        node.Inputs.TryGetValue(name, out var input)
            ? (input.ExpressionType == "Literal" ? input.Value : null, input.ValuePointer)
            : (node.Property(name), node.Pointer + "/" + (JsonLookup.Find(node.Json, name) ?? name));
}
