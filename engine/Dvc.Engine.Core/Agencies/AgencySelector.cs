using System.Text;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Forms;

namespace Dvc.Engine.Core.Agencies;

/// <summary>
/// How an agency is chosen for a dossier or a task, compiled: a fixed code, or the agency serving the administrative
/// unit picked in a form field (the unit value → agency code map is built at compile time from the unit file and the
/// agency list, so a dossier is routed with a dictionary look-up).
/// </summary>
public sealed class AgencySelector
{
    private readonly IReadOnlyDictionary<string, string> _byUnit;
    private readonly FormDefinition? _form;

    private AgencySelector(string? fixedCode, string? unitField, IReadOnlyDictionary<string, string> byUnit, FormDefinition? form)
    {
        FixedCode = fixedCode;
        UnitField = unitField;
        _byUnit = byUnit;
        _form = form;
    }

    /// <summary>The agency when it does not depend on the submission.</summary>
    public string? FixedCode { get; }

    /// <summary>JSON pointer of the unit field the agency is chosen from.</summary>
    public string? UnitField { get; }

    /// <summary>Every agency this selector can choose.</summary>
    public IEnumerable<string> Agencies => FixedCode is { } code ? [code] : _byUnit.Values.Distinct(StringComparer.Ordinal);

    public static AgencySelector Fixed(string code) => new(code, null, new Dictionary<string, string>(), null);

    internal static AgencySelector FromUnit(string unitField, IReadOnlyDictionary<string, string> byUnit, FormDefinition form) => new(null, unitField, byUnit, form);

    /// <summary>
    /// The agency for <paramref name="data"/>, or why there is none as a field error: at the unit field (blank or a
    /// value no agency serves), or at the field that hides it (an address written in a format without that unit).
    /// </summary>
    public AgencyResolution Resolve(JsonObject data)
    {
        if (FixedCode is { } code)
        {
            return new AgencyResolution(code, null);
        }

        var field = _form!.Find(UnitField!);
        var label = field?.Label ?? LocalizedText.Both(UnitField!);
        if (HiddenBy(data) is { } controller)
        {
            return new AgencyResolution(null, new FieldError(controller, "jurisdiction", new LocalizedText(
                $"Cơ quan giải quyết được xác định theo \"{label.Vi}\"; hãy chọn cách khai có mục này.",
                $"The handling agency is chosen from \"{label.En}\"; choose the option that shows that field.")));
        }

        JsonPointer.TryNavigate(data, UnitField!, out var node);
        var value = JsonValues.TryGetString(node, out var text) ? text.Trim() : string.Empty;
        if (value.Length == 0)
        {
            return new AgencyResolution(null, new FieldError(UnitField!, "jurisdiction", new LocalizedText(
                $"Vui lòng chọn {label.Vi} để xác định cơ quan giải quyết.",
                $"Choose the {label.En} so the dossier reaches the agency that handles it.")));
        }

        return _byUnit.TryGetValue(value, out var agency)
            ? new AgencyResolution(agency, null)
            : new AgencyResolution(null, new FieldError(UnitField!, "jurisdiction", new LocalizedText(
                $"Không có cơ quan giải quyết cho \"{value}\"; vui lòng chọn một đơn vị trong danh sách.",
                $"No agency handles \"{value}\"; choose a unit from the list.")));
    }

    /// <summary>A stable text of the choice, part of the procedure's content hash: re-assigning a unit makes a new version.</summary>
    internal string Describe()
    {
        if (FixedCode is { } code)
        {
            return "fixed:" + code;
        }

        var builder = new StringBuilder("unit:").Append(UnitField);
        foreach (var (unit, agency) in _byUnit.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            builder.Append('\n').Append(unit).Append('=').Append(agency);
        }

        return builder.ToString();
    }

    /// <summary>The pointer of the field whose <c>x-ui.visibleWhen</c> hides the unit field (or one of its groups), if any.</summary>
    private string? HiddenBy(JsonObject data)
    {
        var tokens = JsonPointer.Parse(UnitField!) ?? [];
        var field = _form!.Root;
        JsonObject? parent = data;
        var pointer = string.Empty;
        foreach (var token in tokens)
        {
            if (field.FindProperty(token) is not { } child || parent is null)
            {
                return null;
            }

            if (child.VisibleWhen is { } rule && !rule.IsVisible(parent, data))
            {
                return rule.Field.StartsWith('/') ? rule.Field : JsonPointer.Append(pointer, rule.Field);
            }

            pointer = JsonPointer.Append(pointer, token);
            parent = parent[token] as JsonObject;
            field = child;
        }

        return null;
    }
}
