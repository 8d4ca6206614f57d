using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dvc.Engine.Core.Definitions;

namespace Dvc.Engine.Core.Forms;

/// <summary>
/// Reads form.schema.json into a <see cref="FormDefinition"/>: NJsonSchema checks the schema reads as JSON Schema
/// (and that its <c>#</c> refs resolve); the walk below checks our <c>x-ui</c> conventions and keeps what validation needs.
/// </summary>
internal sealed class FormCompiler
{
    internal static readonly HashSet<string> Widgets = new(StringComparer.Ordinal)
    {
        "text", "textarea", "number", "date", "select", "radio", "checkbox", "citizen-id", "phone", "email", "district", "ward", "group", "repeat", "province", "commune", "hidden",
    };

    internal static readonly HashSet<string> ErrorKeywords = new(StringComparer.Ordinal)
    {
        "required", "type", "pattern", "enum", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "multipleOf", "format", "minItems", "maxItems", "uniqueItems", "citizenId", "phone", "email", "additionalProperties",
        "before", "notAfter", "after", "notBefore", "sum",
    };

    private static readonly Regex Identifier = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private readonly ResolvedJson _source;
    private readonly ICollection<Diagnostic> _diagnostics;
    private readonly JsonObject _root;

    private FormCompiler(ResolvedJson source, JsonObject root, ICollection<Diagnostic> diagnostics)
    {
        _source = source;
        _root = root;
        _diagnostics = diagnostics;
    }

    public static FormDefinition? Compile(ResolvedJson source, ICollection<Diagnostic> diagnostics)
    {
        if (source.Root is not JsonObject root || root["properties"] is not JsonObject || (root["type"] is JsonValue t && t.ToString() != "object"))
        {
            diagnostics.Add(source.Locate(string.Empty).Error(FormDiagnostics.RootNotObject, "The form must be a JSON Schema object with \"type\": \"object\" and \"properties\"."));
            return null;
        }

        try
        {
            NJsonSchema.JsonSchema.FromJsonAsync(root.ToJsonString()).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            diagnostics.Add(source.Locate(string.Empty).Error(FormDiagnostics.SchemaUnreadable, $"The form is not a readable JSON Schema: {ex.Message}"));
            return null;
        }

        var before = diagnostics.Count(d => d.IsError);
        var compiler = new FormCompiler(source, root, diagnostics);
        var rootField = compiler.ReadField(root, string.Empty, string.Empty, string.Empty, isRoot: true, depth: 0);
        if (rootField is null)
        {
            return null;
        }

        var sections = compiler.ReadSections(rootField);
        var form = new FormDefinition(rootField, sections, root);
        compiler.CheckPlausibility(form, rootField);
        foreach (var field in form.AllFields().Where(f => f.VisibleWhen?.Field.StartsWith('/') == true))
        {
            if (form.Find(field.VisibleWhen!.Field) is null)
            {
                compiler.Error(field.SchemaPointer + "/x-ui/visibleWhen/field", FormDiagnostics.VisibleWhenInvalid, $"visibleWhen names '{field.VisibleWhen.Field}', which is not a field of the form.");
            }
        }

        return diagnostics.Count(d => d.IsError) > before ? null : form;
    }

    private FormField? ReadField(JsonNode? node, string name, string schemaPointer, string dataPointer, bool isRoot, int depth)
    {
        if (node is not JsonObject schema)
        {
            Error(schemaPointer, FormDiagnostics.UnknownType, $"The field '{DisplayName(name, dataPointer)}' must be described by a JSON object.");
            return null;
        }

        var followed = FollowInternalRef(schema, schemaPointer, depth);
        if (followed is null)
        {
            return null;
        }

        schema = followed;

        var ui = schema["x-ui"] as JsonObject;
        var (type, nullable) = ReadType(schema);
        if (type is null)
        {
            Error(schemaPointer, FormDiagnostics.UnknownType, $"The field '{DisplayName(name, dataPointer)}' needs a \"type\" (string, integer, number, boolean, object or array).");
            return null;
        }

        var label = LocalizedText.From(ui?["label"]);
        if (!isRoot && name != "*" && (label is null || label.Vi.Length == 0))
        {
            Error(schemaPointer, FormDiagnostics.MissingLabel, $"The field '{DisplayName(name, dataPointer)}' needs a label: add \"x-ui\": {{ \"label\": {{ \"vi\": \"…\", \"en\": \"…\" }} }}.");
        }

        if (!isRoot && name != "*" && !Identifier.IsMatch(name))
        {
            Error(schemaPointer, FormDiagnostics.FieldNameInvalid, $"The field name '{name}' must start with a letter and contain only letters, digits or '_' so rules and templates can read it.");
        }

        var widget = ui?["widget"] is JsonValue w ? w.ToString() : null;
        if (widget is not null && !Widgets.Contains(widget))
        {
            Warning(JsonPointer.Append(schemaPointer, "x-ui") + "/widget", FormDiagnostics.UnknownWidget, $"The widget '{widget}' is not known; the portal shows a text box instead. Known: {string.Join(", ", Widgets.Order(StringComparer.Ordinal))}.");
        }

        var properties = new List<FormField>();
        var required = new List<string>();
        FormField? items = null;
        if (type == FormFieldType.Object && schema["properties"] is JsonObject props)
        {
            foreach (var (childName, childSchema) in props)
            {
                var child = ReadField(childSchema, childName, schemaPointer + "/properties/" + JsonLineMap.Escape(childName), JsonPointer.Append(dataPointer, childName), isRoot: false, depth + 1);
                if (child is not null)
                {
                    properties.Add(child);
                }
            }

            properties.Sort((a, b) => a.Order.CompareTo(b.Order));
        }

        if (type == FormFieldType.Object && schema["required"] is JsonArray requiredArray)
        {
            for (var i = 0; i < requiredArray.Count; i++)
            {
                var requiredName = requiredArray[i]?.ToString() ?? string.Empty;
                if (schema["properties"] is not JsonObject p || !p.ContainsKey(requiredName))
                {
                    Error(schemaPointer + "/required/" + i.ToString(CultureInfo.InvariantCulture), FormDiagnostics.RequiredUnknown, $"'{requiredName}' is listed as required but the form has no field with that name here.");
                }
                else
                {
                    required.Add(requiredName);
                }
            }
        }

        if (type == FormFieldType.Array && schema["items"] is JsonNode itemSchema)
        {
            items = ReadField(itemSchema, "*", schemaPointer + "/items", dataPointer + "/*", isRoot: false, depth + 1);
            if (items is not null && LocalizedText.From(JsonValues.Property(JsonValues.Property(itemSchema, "x-ui"), "label")) is null)
            {
                // Items rarely carry their own label; messages about one item then name the list.
                items = items with { Label = label ?? LocalizedText.Both(name) };
            }
        }

        var field = new FormField
        {
            Name = name,
            DataPointer = dataPointer,
            SchemaPointer = schemaPointer,
            Type = type.Value,
            Nullable = nullable,
            Label = label ?? LocalizedText.Both(name),
            Help = LocalizedText.From(ui?["help"]),
            Placeholder = LocalizedText.From(ui?["placeholder"]),
            Widget = widget,
            Format = schema["format"]?.ToString(),
            Order = ui?["order"] is JsonValue order && order.TryGetValue<double>(out var o) ? o : double.MaxValue,
            VisibleWhen = ReadVisibleWhen(ui?["visibleWhen"], JsonPointer.Append(schemaPointer, "x-ui") + "/visibleWhen"),
            CascadeFrom = ui?["cascadeFrom"]?.ToString(),
            Required = required,
            Properties = properties,
            AdditionalPropertiesAllowed = schema["additionalProperties"] is not JsonValue ap || !ap.TryGetValue<bool>(out var allowed) || allowed,
            Items = items,
            Enum = schema["enum"] is JsonArray values ? values.Select(v => v?.DeepClone()).ToArray() : null,
            EnumLabels = ReadLocalizedMap(ui?["enumLabels"]),
            Errors = ReadErrors(ui?["errors"], JsonPointer.Append(schemaPointer, "x-ui") + "/errors"),
            Pattern = ReadPattern(schema["pattern"], schemaPointer + "/pattern"),
            MinLength = Int(schema["minLength"]),
            MaxLength = Int(schema["maxLength"]),
            Minimum = Dec(schema["minimum"]),
            Maximum = Dec(schema["maximum"]),
            ExclusiveMinimum = Dec(schema["exclusiveMinimum"]),
            ExclusiveMaximum = Dec(schema["exclusiveMaximum"]),
            MultipleOf = Dec(schema["multipleOf"]),
            MinItems = Int(schema["minItems"]),
            MaxItems = Int(schema["maxItems"]),
            UniqueItems = schema["uniqueItems"] is JsonValue u && u.TryGetValue<bool>(out var unique) && unique,
            Checks = ReadChecks(schema["x-validate"], schemaPointer + "/x-validate"),
        };

        CheckEnumLabels(field);
        if (field.Type == FormFieldType.Object)
        {
            CheckSiblingReferences(field);
        }

        return field;
    }

    /// <summary>Follows <c>#/definitions/…</c> refs inside the form (NJsonSchema has already proved they resolve).</summary>
    private JsonObject? FollowInternalRef(JsonObject schema, string schemaPointer, int depth)
    {
        var hops = 0;
        while (schema["$ref"] is JsonValue refValue && refValue.TryGetValue<string>(out var reference) && reference.StartsWith('#'))
        {
            if (++hops > 16 || depth > 48)
            {
                Error(schemaPointer, FormDiagnostics.InternalRefInvalid, $"The reference '{reference}' loops or nests too deeply; recursive forms are not supported.");
                return null;
            }

            if (!JsonPointer.TryNavigate(_root, Uri.UnescapeDataString(reference[1..]), out var target) || target is not JsonObject targetObject)
            {
                Error(schemaPointer + "/$ref", FormDiagnostics.InternalRefInvalid, $"The reference '{reference}' points at nothing in the form.");
                return null;
            }

            // Sibling keywords next to an internal ref refine the target (draft 2019+ semantics; harmless for draft-07 authors).
            var merged = (JsonObject)targetObject.DeepClone();
            foreach (var (key, value) in schema)
            {
                if (key != "$ref")
                {
                    merged[key] = value?.DeepClone();
                }
            }

            schema = merged;
        }

        return schema;
    }

    private static (FormFieldType? Type, bool Nullable) ReadType(JsonObject schema)
    {
        string? typeName = null;
        var nullable = false;
        switch (schema["type"])
        {
            case JsonValue value:
                typeName = value.ToString();
                break;
            case JsonArray array:
                var names = array.Select(n => n?.ToString()).ToList();
                nullable = names.Contains("null");
                typeName = names.FirstOrDefault(n => n != "null");
                break;
            default:
                if (schema.ContainsKey("properties"))
                {
                    typeName = "object";
                }
                else if (schema.ContainsKey("items"))
                {
                    typeName = "array";
                }
                else if (schema["enum"] is JsonArray e && e.Count > 0)
                {
                    typeName = e[0] is JsonValue first && first.TryGetValue<string>(out _) ? "string" : null;
                }

                break;
        }

        FormFieldType? type = typeName switch
        {
            "string" => FormFieldType.String,
            "integer" => FormFieldType.Integer,
            "number" => FormFieldType.Number,
            "boolean" => FormFieldType.Boolean,
            "object" => FormFieldType.Object,
            "array" => FormFieldType.Array,
            _ => null,
        };
        return (type, nullable);
    }

    private VisibleWhen? ReadVisibleWhen(JsonNode? node, string pointer)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject obj || obj["field"] is not JsonValue fieldValue || !fieldValue.TryGetValue<string>(out var fieldName)
            || (!obj.ContainsKey("equals") && obj["in"] is not JsonArray))
        {
            Error(pointer, FormDiagnostics.VisibleWhenInvalid, "visibleWhen must be { \"field\": \"<name>\", \"equals\": value } or { \"field\": \"<name>\", \"in\": [values] }.");
            return null;
        }

        var values = obj["in"] is JsonArray list ? list.Select(v => v?.DeepClone()).ToArray() : [obj["equals"]?.DeepClone()];
        return new VisibleWhen(fieldName, values);
    }

    private static Dictionary<string, LocalizedText> ReadLocalizedMap(JsonNode? node)
    {
        var map = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                if (LocalizedText.From(value) is { } text)
                {
                    map[key] = text;
                }
            }
        }

        return map;
    }

    private Dictionary<string, LocalizedText> ReadErrors(JsonNode? node, string pointer)
    {
        var map = ReadLocalizedMap(node);
        foreach (var key in map.Keys.Where(k => !ErrorKeywords.Contains(k)))
        {
            Warning(JsonPointer.Append(pointer, key), FormDiagnostics.UnknownErrorKeyword, $"'{key}' is not a validation keyword, so this message is never shown. Known: {string.Join(", ", ErrorKeywords.Order(StringComparer.Ordinal))}.");
        }

        return map;
    }

    /// <summary>Reads <c>x-validate</c>; whether the names it uses exist is checked once the whole form is read.</summary>
    private List<PlausibilityCheck> ReadChecks(JsonNode? node, string pointer)
    {
        var checks = new List<PlausibilityCheck>();
        if (node is null)
        {
            return checks;
        }

        if (node is not JsonObject declared)
        {
            Error(pointer, FormDiagnostics.CheckInvalid, "x-validate must be an object: { \"notAfter\": \"$submittedOn\" } on a date, { \"sum\": { \"of\": \"share\", \"equals\": 100 } } on a repeating group.");
            return checks;
        }

        foreach (var (keyword, value) in declared)
        {
            var at = JsonPointer.Append(pointer, keyword);
            if (PlausibilityCheck.DateKeywords.Contains(keyword))
            {
                var references = value is JsonArray list ? list.Select(v => v?.ToString()).ToList() : [value?.ToString()];
                foreach (var reference in references)
                {
                    if (string.IsNullOrWhiteSpace(reference))
                    {
                        Error(at, FormDiagnostics.CheckInvalid, $"'{keyword}' needs a date to compare with: a field name, a pointer or \"{PlausibilityCheck.SubmittedOn}\".");
                        continue;
                    }

                    checks.Add(new PlausibilityCheck(keyword, reference));
                }
            }
            else if (keyword == "sum" && value is JsonObject sum && sum["of"]?.ToString() is { Length: > 0 } of)
            {
                checks.Add(new PlausibilityCheck("sum", of, Dec(sum["equals"]), Dec(sum["min"]), Dec(sum["max"])));
            }
            else
            {
                Error(at, FormDiagnostics.CheckInvalid, $"'{keyword}' is not a check; use before, notAfter, after, notBefore (dates) or sum {{ \"of\": \"<item field>\", \"equals\" | \"min\" | \"max\": n }} (repeating groups).");
            }
        }

        return checks;
    }

    /// <summary>Each check compares with something that exists and has the right type.</summary>
    private void CheckPlausibility(FormDefinition form, FormField parent)
    {
        foreach (var child in parent.Properties.Concat(parent.Items is { } items ? [items] : []))
        {
            foreach (var check in child.Checks)
            {
                var pointer = child.SchemaPointer + "/x-validate/" + check.Keyword;
                if (check.Keyword == "sum")
                {
                    var addend = child.Items?.FindProperty(check.Reference);
                    if (child.Type != FormFieldType.Array || addend is null || addend.Type is not (FormFieldType.Number or FormFieldType.Integer))
                    {
                        Error(pointer, FormDiagnostics.CheckInvalid, $"'sum' of '{child.Name}' must name a number field of its items; '{check.Reference}' is not one.");
                    }
                }
                else if (!child.IsDate)
                {
                    Error(pointer, FormDiagnostics.CheckInvalid, $"'{check.Keyword}' compares dates, but '{child.Name}' is not a date field.");
                }
                else if (check.Reference != PlausibilityCheck.SubmittedOn
                    && (check.Reference.StartsWith('/') ? form.Find(check.Reference) : parent.FindProperty(check.Reference)) is not { IsDate: true })
                {
                    Error(pointer, FormDiagnostics.CheckInvalid, $"'{check.Keyword}' of '{child.Name}' names '{check.Reference}', which is not a date field next to it (or a pointer to one).");
                }
            }

            CheckPlausibility(form, child);
        }
    }

    private Regex? ReadPattern(JsonNode? node, string pointer)
    {
        if (node is not JsonValue value || !value.TryGetValue<string>(out var pattern))
        {
            return null;
        }

        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException ex)
        {
            Error(pointer, FormDiagnostics.InvalidPattern, $"The pattern is not a valid regular expression: {ex.Message}");
            return null;
        }
    }

    private void CheckEnumLabels(FormField field)
    {
        if (field.EnumLabels.Count == 0)
        {
            return;
        }

        var values = (field.Enum ?? field.Items?.Enum ?? []).Select(v => v?.ToString() ?? "null").ToHashSet(StringComparer.Ordinal);
        foreach (var key in field.EnumLabels.Keys.Where(k => !values.Contains(k)))
        {
            Warning(field.SchemaPointer + "/x-ui/enumLabels/" + JsonLineMap.Escape(key), FormDiagnostics.EnumLabelMismatch, $"The label for '{key}' belongs to no value of the field's enum.");
        }
    }

    private void CheckSiblingReferences(FormField parent)
    {
        foreach (var child in parent.Properties)
        {
            if (child.VisibleWhen is { } visible)
            {
                var exists = visible.Field.StartsWith('/') ? true : parent.FindProperty(visible.Field) is not null;
                if (!exists)
                {
                    Error(child.SchemaPointer + "/x-ui/visibleWhen/field", FormDiagnostics.VisibleWhenInvalid, $"visibleWhen names '{visible.Field}', which is not a field next to '{child.Name}'.");
                }
            }

            if (child.CascadeFrom is { } cascade && parent.FindProperty(cascade) is null)
            {
                Error(child.SchemaPointer + "/x-ui/cascadeFrom", FormDiagnostics.CascadeFromUnknown, $"cascadeFrom names '{cascade}', which is not a field next to '{child.Name}'.");
            }
        }
    }

    private List<FormSection> ReadSections(FormField root)
    {
        var sections = new List<FormSection>();
        if (JsonValues.Property(_root["x-ui"], "sections") is not JsonArray array)
        {
            return sections;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject section)
            {
                continue;
            }

            var fields = new List<string>();
            if (section["fields"] is JsonArray names)
            {
                for (var j = 0; j < names.Count; j++)
                {
                    var fieldName = names[j]?.ToString() ?? string.Empty;
                    if (_root["properties"] is not JsonObject topLevel || !topLevel.ContainsKey(fieldName))
                    {
                        Error($"/x-ui/sections/{i}/fields/{j}", FormDiagnostics.SectionFieldUnknown, $"The section lists '{fieldName}', which is not a top-level field of the form.");
                    }

                    fields.Add(fieldName);
                }
            }

            sections.Add(new FormSection(section["id"]?.ToString() ?? $"section-{i + 1}", LocalizedText.From(section["title"]) ?? LocalizedText.Empty, fields));
        }

        return sections;
    }

    private static int? Int(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;

    private static decimal? Dec(JsonNode? node) => node is JsonValue v && v.TryGetValue<decimal>(out var d) ? d : null;

    private static string DisplayName(string name, string dataPointer) => dataPointer.Length == 0 ? "(form)" : dataPointer.TrimStart('/');

    private void Error(string pointer, string code, string message) => _diagnostics.Add(_source.Locate(pointer).Error(code, message));

    private void Warning(string pointer, string code, string message) => _diagnostics.Add(_source.Locate(pointer).Warning(code, message));
}
