using System.Globalization;
using System.Text.Json.Nodes;

namespace Dvc.Engine.Server.Forms;

/// <summary>
/// Reads a procedure's form schema (file <c>$ref</c>s already resolved by the loader) into the fields the portal
/// renders. Local <c>#/…</c> references are followed here; anything the schema does not say falls back to a widget
/// chosen from the JSON type, so a plain JSON Schema still renders.
/// </summary>
internal sealed class FormSchemaReader(IAdministrativeUnits units)
{
    public FormLayout Read(JsonObject schema)
    {
        var root = Resolve(schema, schema);
        var fields = ReadProperties(schema, root, "");
        var byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);

        if (root["x-ui"]?["sections"] is JsonArray sections && sections.Count > 0)
        {
            var placed = new HashSet<string>(StringComparer.Ordinal);
            var result = new List<FormSection>();
            foreach (var section in sections.OfType<JsonObject>())
            {
                var own = (section["fields"] as JsonArray ?? [])
                    .Select(n => n?.GetValue<string>())
                    .Where(n => n is not null && byName.ContainsKey(n) && placed.Add(n))
                    .Select(n => byName[n!])
                    .ToList();
                result.Add(new FormSection(section["id"]?.GetValue<string>() ?? $"s{result.Count}", LocalizedString.From(section["title"]), own));
            }

            var rest = fields.Where(f => !placed.Contains(f.Name)).ToList();
            if (rest.Count > 0)
            {
                result.Add(new FormSection("other", null, rest));
            }

            return new FormLayout(result);
        }

        return new FormLayout([new FormSection("main", null, fields)]);
    }

    private List<FormField> ReadProperties(JsonObject document, JsonObject objectSchema, string parentPointer)
    {
        var required = (objectSchema["required"] as JsonArray ?? [])
            .Select(n => n?.GetValue<string>())
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var fields = new List<FormField>();
        if (objectSchema["properties"] is not JsonObject properties)
        {
            return fields;
        }

        var position = 0;
        foreach (var (name, node) in properties)
        {
            position++;
            if (node is not JsonObject raw)
            {
                continue;
            }

            var property = Resolve(document, raw);
            fields.Add(ReadField(document, name, property, $"{parentPointer}/{EscapePointer(name)}", required.Contains(name), position));
        }

        return [.. fields.OrderBy(f => f.Order)];
    }

    private FormField ReadField(JsonObject document, string name, JsonObject property, string pointer, bool required, int position)
    {
        var ui = property["x-ui"] as JsonObject;
        var type = JsonType(property);
        var format = property["format"]?.GetValue<string>();
        var widget = ui?["widget"]?.GetValue<string>() ?? DefaultWidget(property, type, format);
        var children = new List<FormField>();
        var (options, freeText) = Options(property, ui, widget);
        var minItems = 0;
        int? maxItems = null;

        if (widget == FormWidgets.Group || (type == "object" && widget != FormWidgets.Repeat))
        {
            widget = FormWidgets.Group;
            children = ReadProperties(document, property, pointer);
        }
        else if (type == "array")
        {
            var items = property["items"] is JsonObject i ? Resolve(document, i) : new JsonObject();
            minItems = property["minItems"]?.GetValue<int>() ?? 0;
            maxItems = property["maxItems"]?.GetValue<int>();
            if (JsonType(items) == "object")
            {
                widget = FormWidgets.Repeat;
                children = ReadProperties(document, items, pointer + "/{i}");
            }
            else
            {
                // A list of enumerated values: one checkbox per value; the labels sit on the array's x-ui.
                widget = FormWidgets.Checkbox;
                (options, freeText) = Options(items, ui, widget);
            }
        }

        return new FormField(
            name,
            pointer,
            ui?["label"] is { } label ? LocalizedString.From(label) : new LocalizedString(property["title"]?.GetValue<string>() ?? name, null),
            ui?["help"] is { } help ? LocalizedString.From(help) : null,
            ui?["placeholder"] is { } placeholder ? LocalizedString.From(placeholder) : null,
            widget,
            type,
            format,
            required,
            options,
            freeText,
            ui?["cascadeFrom"]?.GetValue<string>(),
            Visibility(ui?["visibleWhen"] as JsonObject),
            children,
            property["maxLength"]?.GetValue<int>(),
            property["pattern"]?.GetValue<string>(),
            Number(property["minimum"]),
            Number(property["maximum"]),
            minItems,
            maxItems,
            ui?["order"] is JsonValue order && order.TryGetValue<double>(out var o) ? o : 1000 + position,
            property["default"] is JsonValue d ? Scalar(d) : null);
    }

    private (IReadOnlyList<FormOption> Options, bool FreeText) Options(JsonObject property, JsonObject? ui, string widget)
    {
        var labels = ui?["enumLabels"] as JsonObject;
        if (property["enum"] is JsonArray values)
        {
            return ([.. values
                .Where(v => v is not null)
                .Select(v => v!.ToString())
                .Select(v => new FormOption(v, labels?[v] is { } label ? LocalizedString.From(label) : new LocalizedString(v, null)))], false);
        }

        if (widget is FormWidgets.District or FormWidgets.Ward && ui?["units"]?.GetValue<string>() is { } file)
        {
            var unitOptions = units.Options(file, ui["unitsVersion"]?.GetValue<string>(), widget, ui["valueField"]?.GetValue<string>() ?? "id");
            if (unitOptions is not null)
            {
                return (unitOptions.Options, !unitOptions.Complete);
            }
        }

        return ([], widget is FormWidgets.District or FormWidgets.Ward);
    }

    private static FormVisibility? Visibility(JsonObject? visibleWhen)
    {
        if (visibleWhen?["field"]?.GetValue<string>() is not { } field)
        {
            return null;
        }

        var values = visibleWhen["in"] is JsonArray any
            ? any.Select(Scalar).ToList()
            : [Scalar(visibleWhen["equals"])];
        return new FormVisibility(field, values);
    }

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        _ => node.ToString(),
    };

    private static string DefaultWidget(JsonObject property, string type, string? format) => type switch
    {
        "object" => FormWidgets.Group,
        "array" => FormWidgets.Repeat,
        "boolean" => FormWidgets.Checkbox,
        "integer" or "number" => property["enum"] is null ? FormWidgets.Number : FormWidgets.Select,
        _ when property["enum"] is not null => FormWidgets.Select,
        _ when format == "date" => FormWidgets.Date,
        _ when format == "email" => FormWidgets.Email,
        _ => FormWidgets.Text,
    };

    internal static string JsonType(JsonObject schema) => schema["type"] switch
    {
        JsonValue v => v.GetValue<string>(),
        // ["string", "null"]: the first non-null type decides the widget.
        JsonArray a => a.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t is not null and not "null") ?? "string",
        _ when schema["properties"] is not null => "object",
        _ when schema["items"] is not null => "array",
        _ => "string",
    };

    private static decimal? Number(JsonNode? node) =>
        node is JsonValue v && decimal.TryParse(v.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    /// <summary>Follows local references (<c>#/definitions/x</c>, <c>#/$defs/x</c>), keeping sibling keys.</summary>
    private static JsonObject Resolve(JsonObject document, JsonObject schema)
    {
        var current = schema;
        for (var depth = 0; depth < 16 && current["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith('#'); depth++)
        {
            JsonNode? target = document;
            foreach (var segment in reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                target = target?[UnescapePointer(segment)];
            }

            if (target is not JsonObject resolved)
            {
                break;
            }

            var merged = (JsonObject)resolved.DeepClone();
            foreach (var (key, value) in current)
            {
                if (key != "$ref")
                {
                    merged[key] = value?.DeepClone();
                }
            }

            current = merged;
        }

        return current;
    }

    private static string EscapePointer(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string UnescapePointer(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
