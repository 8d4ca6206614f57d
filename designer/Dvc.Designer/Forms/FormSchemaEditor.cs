using Dvc.Designer.Drafts;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Dvc.Designer.Forms;

/// <summary>
/// The form builder's operations on a form schema (JSON Schema draft-07 + <c>x-ui</c>, as definitions/README.md
/// describes it), in place: add, reorder, group, remove, required, constraints, options, visibility, and per-use
/// overrides of shared fragments. Components call these and never write schema JSON themselves.
/// </summary>
public sealed class FormSchemaEditor(JsonObject schema, SharedFragments fragments, string formFile = "procedures/X/form.schema.json")
{
    public JsonObject Schema { get; } = schema;

    // ---------- reading ----------

    /// <summary>The top-level fields, in the order the portal shows them.</summary>
    public IReadOnlyList<FieldNode> Tree() => Children(Schema, "", null, []);

    public IReadOnlyList<FieldNode> All() => [.. Tree().SelectMany(f => f.Flatten())];

    public FieldNode? Find(string path) => All().FirstOrDefault(f => f.Path == path);

    /// <summary>The sections of the root (<c>x-ui.sections</c>): id, titles and field names.</summary>
    public IReadOnlyList<(string Id, string TitleVi, string TitleEn, IReadOnlyList<string> Fields)> Sections() =>
        Ui(Schema)["sections"] is JsonArray sections
            ? [.. sections.OfType<JsonObject>().Select(s => (
                s["id"]?.ToString() ?? "",
                s["title"]?["vi"]?.ToString() ?? "",
                s["title"]?["en"]?.ToString() ?? "",
                (IReadOnlyList<string>)[.. (s["fields"] as JsonArray ?? []).Select(f => f?.ToString() ?? "")]))]
            : [];

    /// <summary>The schema of a field as written in this form (for a fragment's sub-field: the override object, if any).</summary>
    public JsonObject? Node(string path)
    {
        JsonObject current = Schema;
        foreach (var segment in Split(path))
        {
            if (segment == "*")
            {
                if (current["items"] is not JsonObject items)
                {
                    return null;
                }

                current = items;
                continue;
            }

            if (current["properties"] is not JsonObject props || props[segment] is not JsonObject next)
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    public static FieldKind KindOf(JsonObject field)
    {
        if (field["$ref"]?.ToString() is { } reference)
        {
            return reference.Contains("applicant", StringComparison.Ordinal) ? FieldKind.Applicant
                : reference.Contains("address", StringComparison.Ordinal) ? FieldKind.Address
                : FieldKind.Other;
        }

        var widget = field["x-ui"]?["widget"]?.ToString();
        var type = field["type"] is JsonArray types ? types.Select(t => t?.ToString()).FirstOrDefault(t => t != "null") : field["type"]?.ToString();
        return widget switch
        {
            "text" => FieldKind.Text,
            "textarea" => FieldKind.Textarea,
            "number" => FieldKind.Number,
            "money" => FieldKind.Money,
            "date" => FieldKind.Date,
            "select" => FieldKind.Select,
            "radio" => FieldKind.Radio,
            "checkbox" when type == "array" => FieldKind.MultiChoice,
            "checkbox" => FieldKind.Checkbox,
            "citizen-id" => FieldKind.CitizenId,
            "phone" => FieldKind.Phone,
            "email" => FieldKind.Email,
            "ward" when field["x-ui"]?["unitsVersion"]?.ToString() == "hn-2025" => FieldKind.Commune,
            "ward" => FieldKind.Ward,
            "district" => FieldKind.District,
            "group" => FieldKind.Group,
            "repeat" => FieldKind.Repeat,
            _ => type switch
            {
                "object" => FieldKind.Group,
                "array" when field["items"]?["type"]?.ToString() == "object" => FieldKind.Repeat,
                "array" => FieldKind.MultiChoice,
                "boolean" => FieldKind.Checkbox,
                "integer" or "number" => field["enum"] is null ? FieldKind.Number : FieldKind.Select,
                _ when field["enum"] is not null => FieldKind.Select,
                _ when field["format"]?.ToString() == "date" => FieldKind.Date,
                _ when field["format"]?.ToString() == "email" => FieldKind.Email,
                _ => FieldKind.Text,
            },
        };
    }

    // ---------- adding, removing, moving ----------

    /// <summary>Adds a field of <paramref name="kind"/> at the end of <paramref name="parentPath"/> ("" for the root); returns its path.</summary>
    public string Add(string parentPath, FieldKind kind, string labelVi, string labelEn, string? name = null, string? sectionId = null)
    {
        var container = PropertiesOf(parentPath) ?? throw new InvalidOperationException($"'{parentPath}' cannot hold fields.");
        var fieldName = FieldNames.Unique(string.IsNullOrWhiteSpace(name) ? FieldNames.Camel(labelVi) : name.Trim(), container.Select(p => p.Key).ToHashSet(StringComparer.Ordinal));
        var field = Template(kind, labelVi, labelEn);
        Ui(field)["order"] = NextOrder(container);
        container[fieldName] = field;
        var path = ChildPath(parentPath, fieldName);
        if (kind is not (FieldKind.Checkbox or FieldKind.MultiChoice or FieldKind.Group))
        {
            SetRequired(path, true);
        }

        if (parentPath.Length == 0 && Ui(Schema)["sections"] is JsonArray sections && sections.Count > 0)
        {
            var section = sections.OfType<JsonObject>().FirstOrDefault(s => s["id"]?.ToString() == sectionId) ?? sections.OfType<JsonObject>().Last();
            FieldsOf(section).Add(fieldName);
        }

        return path;
    }

    /// <summary>Removes a field, its required mark and its place in a section.</summary>
    public void Remove(string path)
    {
        var (parentPath, name) = ParentOf(path);
        if (PropertiesOf(parentPath) is not { } container || !container.ContainsKey(name))
        {
            return;
        }

        container.Remove(name);
        RequiredOf(parentPath, create: false)?.RemoveAll(n => n?.ToString() == name);
        if (parentPath.Length == 0)
        {
            foreach (var section in (Ui(Schema)["sections"] as JsonArray ?? []).OfType<JsonObject>())
            {
                FieldsOf(section).RemoveAll(n => n?.ToString() == name);
            }
        }
    }

    /// <summary>
    /// Moves a field to <paramref name="index"/> among the fields of <paramref name="targetParent"/> (its own parent to
    /// reorder, a group or repeating group to put it inside, "" for the root). At the root with sections,
    /// <paramref name="sectionId"/> names the section it goes to. Orders are rewritten 1…n so the portal shows what the builder shows.
    /// </summary>
    public string Move(string path, string targetParent, int index, string? sectionId = null)
    {
        var (parentPath, name) = ParentOf(path);
        if (targetParent == path || targetParent.StartsWith(path + "/", StringComparison.Ordinal))
        {
            return path;
        }

        var from = PropertiesOf(parentPath);
        var to = PropertiesOf(targetParent);
        if (from?[name] is not JsonObject field || to is null)
        {
            return path;
        }

        var newName = name;
        if (!ReferenceEquals(from, to))
        {
            var wasRequired = IsRequired(path);
            Remove(path);
            newName = FieldNames.Unique(name, to.Select(p => p.Key).ToHashSet(StringComparer.Ordinal));
            to[newName] = field;
            if (wasRequired)
            {
                SetRequired(ChildPath(targetParent, newName), true);
            }
        }

        var siblings = Ordered(ContainerOf(targetParent)!).Select(p => p.Key).Where(n => n != newName).ToList();
        var sections = targetParent.Length == 0 ? Ui(Schema)["sections"] as JsonArray : null;
        if (sections is { Count: > 0 })
        {
            // At the root with sections, the index counts within the section.
            foreach (var s in sections.OfType<JsonObject>())
            {
                FieldsOf(s).RemoveAll(n => n?.ToString() == newName);
            }

            var section = sections.OfType<JsonObject>().FirstOrDefault(s => s["id"]?.ToString() == sectionId)
                ?? sections.OfType<JsonObject>().FirstOrDefault(s => FieldsOf(s).Any(n => n?.ToString() == name))
                ?? sections.OfType<JsonObject>().Last();
            var list = FieldsOf(section);
            list.Insert(Math.Clamp(index, 0, list.Count), newName);
            var order = 1;
            foreach (var s in sections.OfType<JsonObject>())
            {
                foreach (var n in FieldsOf(s).Select(n => n?.ToString()).OfType<string>())
                {
                    if (to[n] is JsonObject f)
                    {
                        Ui(f)["order"] = order++;
                    }
                }
            }

            foreach (var rest in siblings.Where(n => !sections.OfType<JsonObject>().Any(s => FieldsOf(s).Any(x => x?.ToString() == n))).Append(newName).Distinct())
            {
                if (!sections.OfType<JsonObject>().Any(s => FieldsOf(s).Any(x => x?.ToString() == rest)) && to[rest] is JsonObject f)
                {
                    Ui(f)["order"] = order++;
                }
            }
        }
        else
        {
            siblings.Insert(Math.Clamp(index, 0, siblings.Count), newName);
            for (var i = 0; i < siblings.Count; i++)
            {
                if (to[siblings[i]] is JsonObject f)
                {
                    Ui(f)["order"] = i + 1;
                }
            }
        }

        return ChildPath(targetParent, newName);
    }

    /// <summary>Adds a section at the root (existing fields without one are put in it when it is the first).</summary>
    public string AddSection(string titleVi, string titleEn)
    {
        var ui = Ui(Schema);
        var sections = ui["sections"] as JsonArray ?? (JsonArray)(ui["sections"] = new JsonArray());
        var id = FieldNames.Unique(FieldNames.Kebab(titleVi, "phan"), sections.OfType<JsonObject>().Select(s => s["id"]?.ToString() ?? "").ToHashSet(StringComparer.Ordinal));
        var fields = new JsonArray();
        if (sections.Count == 0)
        {
            foreach (var (name, _) in Ordered(Schema))
            {
                fields.Add(name);
            }
        }

        sections.Add(new JsonObject { ["id"] = id, ["title"] = Text(titleVi, titleEn), ["fields"] = fields });
        return id;
    }

    public void SetSectionTitle(string id, string vi, string en)
    {
        if ((Ui(Schema)["sections"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(s => s["id"]?.ToString() == id) is { } section)
        {
            section["title"] = Text(vi, en);
        }
    }

    /// <summary>Removes a section; its fields stay in the form (after the other sections).</summary>
    public void RemoveSection(string id)
    {
        if (Ui(Schema)["sections"] is JsonArray sections)
        {
            sections.RemoveAll(s => s?["id"]?.ToString() == id);
            if (sections.Count == 0)
            {
                Ui(Schema).Remove("sections");
            }
        }
    }

    // ---------- properties ----------

    public bool IsRequired(string path)
    {
        var (parentPath, name) = ParentOf(path);
        return RequiredOf(parentPath, create: false)?.Any(n => n?.ToString() == name) == true;
    }

    public void SetRequired(string path, bool required)
    {
        var (parentPath, name) = ParentOf(path);
        var list = RequiredOf(parentPath, create: required);
        if (list is null)
        {
            return;
        }

        list.RemoveAll(n => n?.ToString() == name);
        if (required)
        {
            list.Add(name);
        }
    }

    /// <summary>Sets a localized <c>x-ui</c> text (label, help, placeholder); blank texts remove it (except the label).</summary>
    public void SetText(string path, string key, string vi, string en)
    {
        var ui = Ui(Node(path)!);
        if (key != "label" && string.IsNullOrWhiteSpace(vi) && string.IsNullOrWhiteSpace(en))
        {
            ui.Remove(key);
            return;
        }

        ui[key] = Text(vi, en);
    }

    public (string Vi, string En) GetText(string path, string key)
    {
        var node = Node(path);
        var text = node?["x-ui"]?[key];
        return (text?["vi"]?.ToString() ?? "", text?["en"]?.ToString() ?? "");
    }

    /// <summary>Sets or clears (null) a JSON Schema keyword with a number value: minLength, maxLength, minimum, maximum, minItems, maxItems.</summary>
    public void SetNumber(string path, string keyword, decimal? value)
    {
        var node = Node(path)!;
        if (value is null)
        {
            node.Remove(keyword);
        }
        else
        {
            node[keyword] = value.Value == decimal.Truncate(value.Value) ? JsonValue.Create((long)value.Value) : JsonValue.Create(value.Value);
        }
    }

    public decimal? GetNumber(string path, string keyword) => JsonNumber.Read(Node(path)?[keyword]);

    public void SetPattern(string path, string? pattern)
    {
        var node = Node(path)!;
        if (string.IsNullOrWhiteSpace(pattern))
        {
            node.Remove("pattern");
        }
        else
        {
            node["pattern"] = pattern;
        }
    }

    /// <summary>Sets the message shown when <paramref name="keyword"/> fails (<c>x-ui.errors</c>); blank removes it.</summary>
    public void SetError(string path, string keyword, string vi, string en)
    {
        var ui = Ui(Node(path)!);
        var errors = ui["errors"] as JsonObject ?? new JsonObject();
        if (string.IsNullOrWhiteSpace(vi) && string.IsNullOrWhiteSpace(en))
        {
            errors.Remove(keyword);
        }
        else
        {
            errors[keyword] = Text(vi, en);
        }

        if (errors.Count == 0)
        {
            ui.Remove("errors");
        }
        else
        {
            ui["errors"] = errors;
        }
    }

    /// <summary>The choices of a select, radio or multiple-choice field: value with its vi/en labels.</summary>
    public IReadOnlyList<(string Value, string Vi, string En)> Options(string path)
    {
        var node = Node(path);
        if (node is null)
        {
            return [];
        }

        var values = (node["enum"] ?? node["items"]?["enum"]) as JsonArray ?? [];
        var labels = node["x-ui"]?["enumLabels"] as JsonObject;
        return [.. values.Select(v => v?.ToString() ?? "").Select(v => (v, labels?[v]?["vi"]?.ToString() ?? v, labels?[v]?["en"]?.ToString() ?? ""))];
    }

    public void SetOptions(string path, IEnumerable<(string Value, string Vi, string En)> options)
    {
        var node = Node(path)!;
        var list = options.Where(o => !string.IsNullOrWhiteSpace(o.Vi) || !string.IsNullOrWhiteSpace(o.Value)).ToList();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var values = new JsonArray();
        var labels = new JsonObject();
        foreach (var (value, vi, en) in list)
        {
            var v = FieldNames.Unique(string.IsNullOrWhiteSpace(value) ? FieldNames.Kebab(vi) : value.Trim(), used);
            used.Add(v);
            values.Add(v);
            labels[v] = Text(vi, en);
        }

        if (node["items"] is JsonObject items)
        {
            items["enum"] = values;
        }
        else
        {
            node["enum"] = values;
        }

        Ui(node)["enumLabels"] = labels;
    }

    /// <summary>Shows the field only while <paramref name="field"/> (a sibling's name) has one of <paramref name="values"/>; null clears.</summary>
    public void SetVisibleWhen(string path, string? field, IReadOnlyList<JsonNode?>? values)
    {
        var ui = Ui(Node(path)!);
        if (string.IsNullOrEmpty(field) || values is null || values.Count == 0)
        {
            ui.Remove("visibleWhen");
            return;
        }

        ui["visibleWhen"] = values.Count == 1
            ? new JsonObject { ["field"] = field, ["equals"] = values[0]?.DeepClone() }
            : new JsonObject { ["field"] = field, ["in"] = new JsonArray([.. values.Select(v => v?.DeepClone())]) };
    }

    public (string? Field, IReadOnlyList<JsonNode?> Values) GetVisibleWhen(string path)
    {
        var visible = Node(path)?["x-ui"]?["visibleWhen"];
        if (visible?["field"]?.ToString() is not { } field)
        {
            return (null, []);
        }

        return visible["in"] is JsonArray list ? (field, [.. list.Select(v => v?.DeepClone())]) : (field, [visible["equals"]?.DeepClone()]);
    }

    /// <summary>Changes a field's kind keeping its label, help, order and visibility.</summary>
    public void ChangeKind(string path, FieldKind kind)
    {
        var (parentPath, name) = ParentOf(path);
        var old = Node(path)!;
        var oldUi = Ui(old);
        var field = Template(kind, oldUi["label"]?["vi"]?.ToString() ?? name, oldUi["label"]?["en"]?.ToString() ?? "");
        foreach (var key in new[] { "help", "order", "visibleWhen", "placeholder" })
        {
            if (oldUi[key] is { } value)
            {
                Ui(field)[key] = value.DeepClone();
            }
        }

        PropertiesOf(parentPath)![name] = field;
    }

    // ---------- shared fragments ----------

    /// <summary>The fragment a field references, resolved (with this form's overrides not applied).</summary>
    public JsonObject? Fragment(string ownerPath) =>
        Node(ownerPath)?["$ref"]?.ToString() is { } reference ? fragments.Resolve(reference, formFile).Target : null;

    /// <summary>Hides a sub-field of a fragment for this form only (<c>"properties": { "x": null }</c>), or shows it again.</summary>
    public void SetFragmentFieldHidden(string ownerPath, string subField, bool hidden)
    {
        var owner = Node(ownerPath)!;
        var props = owner["properties"] as JsonObject ?? (JsonObject)(owner["properties"] = new JsonObject());
        if (hidden)
        {
            props[subField] = null;
            SetFragmentFieldRequired(ownerPath, subField, false);
        }
        else
        {
            props.Remove(subField);
            if (props.Count == 0)
            {
                owner.Remove("properties");
            }
        }
    }

    /// <summary>Makes a fragment's sub-field required or optional in this form (an override of the fragment's <c>required</c>).</summary>
    public void SetFragmentFieldRequired(string ownerPath, string subField, bool required)
    {
        var owner = Node(ownerPath)!;
        var current = (owner["required"] as JsonArray ?? Fragment(ownerPath)?["required"] as JsonArray ?? []).Select(n => n?.ToString()).OfType<string>().ToList();
        current.Remove(subField);
        if (required)
        {
            current.Add(subField);
        }

        var original = (Fragment(ownerPath)?["required"] as JsonArray ?? []).Select(n => n?.ToString()).OfType<string>().ToList();
        if (current.Order(StringComparer.Ordinal).SequenceEqual(original.Order(StringComparer.Ordinal)))
        {
            owner.Remove("required");
        }
        else
        {
            owner["required"] = new JsonArray([.. current.Select(n => (JsonNode?)n)]);
        }
    }

    /// <summary>Relabels a fragment's sub-field for this form; blank texts go back to the fragment's label.</summary>
    public void SetFragmentFieldLabel(string ownerPath, string subField, string vi, string en)
    {
        var owner = Node(ownerPath)!;
        var props = owner["properties"] as JsonObject ?? (JsonObject)(owner["properties"] = new JsonObject());
        if (string.IsNullOrWhiteSpace(vi) && string.IsNullOrWhiteSpace(en))
        {
            if (props[subField] is JsonObject o)
            {
                (o["x-ui"] as JsonObject)?.Remove("label");
                if (o["x-ui"] is JsonObject { Count: 0 })
                {
                    o.Remove("x-ui");
                }

                if (o.Count == 0)
                {
                    props.Remove(subField);
                }
            }

            if (props.Count == 0)
            {
                owner.Remove("properties");
            }

            return;
        }

        var sub = props[subField] as JsonObject ?? (JsonObject)(props[subField] = new JsonObject());
        Ui(sub)["label"] = Text(vi, en);
    }

    // ---------- helpers ----------

    private IReadOnlyList<FieldNode> Children(JsonObject container, string path, string? fragmentOwner, IReadOnlyList<string> hiddenByOwner)
    {
        if (container["properties"] is not JsonObject props)
        {
            return [];
        }

        var required = (container["required"] as JsonArray ?? []).Select(n => n?.ToString()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var sectionOrder = path.Length == 0 ? Sections().SelectMany(s => s.Fields).ToList() : [];
        return [.. Ordered(container)
            .OrderBy(p => sectionOrder.IndexOf(p.Key) is var i && i >= 0 ? i : int.MaxValue)
            .Select(p => NodeFor(p.Key, p.Value, Join(path, p.Key), required.Contains(p.Key), fragmentOwner, hiddenByOwner.Contains(p.Key)))];
    }

    private FieldNode NodeFor(string name, JsonObject field, string path, bool required, string? fragmentOwner, bool hidden)
    {
        var kind = KindOf(field);
        var ui = field["x-ui"] as JsonObject;
        IReadOnlyList<FieldNode> children = [];
        if (field["$ref"]?.ToString() is { } reference && fragments.Resolve(reference, formFile) is ({ } target, var file))
        {
            // What the portal will show: the fragment with this form's overrides on top.
            var hiddenHere = (field["properties"] as JsonObject)?.Where(p => p.Value is null).Select(p => p.Key).ToList() ?? [];
            var effective = ApplyOverrides(target, field);
            children = FragmentChildren(effective, path, fragmentOwner ?? path, hiddenHere, file!);
        }
        else if (kind == FieldKind.Group)
        {
            children = Children(field, path, fragmentOwner, []);
        }
        else if (kind == FieldKind.Repeat && field["items"] is JsonObject items)
        {
            children = Children(items, path + "/*", fragmentOwner, []);
        }

        return new FieldNode(
            name,
            path,
            kind,
            ui?["label"]?["vi"]?.ToString() ?? name,
            ui?["label"]?["en"]?.ToString() ?? "",
            required,
            children,
            fragmentOwner,
            hidden,
            ui?["visibleWhen"] is not null);
    }

    private List<FieldNode> FragmentChildren(JsonObject effective, string path, string owner, IReadOnlyList<string> hidden, string file)
    {
        var props = effective["properties"] as JsonObject ?? [];
        var required = (effective["required"] as JsonArray ?? []).Select(n => n?.ToString()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var list = new List<FieldNode>();
        foreach (var (name, value) in Ordered(effective))
        {
            var nested = value;
            if (value["$ref"]?.ToString() is { } reference && fragments.Resolve(reference, file) is ({ } target, _))
            {
                nested = ApplyOverrides(target, value);
            }

            var child = new FieldNode(
                name,
                Join(path, name),
                KindOf(value) is FieldKind.Applicant or FieldKind.Address ? FieldKind.Group : KindOf(value),
                nested["x-ui"]?["label"]?["vi"]?.ToString() ?? name,
                nested["x-ui"]?["label"]?["en"]?.ToString() ?? "",
                required.Contains(name),
                nested["properties"] is JsonObject ? FragmentChildren(nested, Join(path, name), owner, [], file) : [],
                owner,
                false,
                nested["x-ui"]?["visibleWhen"] is not null);
            list.Add(child);
        }

        foreach (var name in hidden.Where(h => !props.ContainsKey(h)))
        {
            list.Add(new FieldNode(name, Join(path, name), FieldKind.Other, name, "", false, [], owner, Hidden: true));
        }

        return list;
    }

    /// <summary>The fragment with the sibling keys of its <c>$ref</c> merged on top, as the compiler does.</summary>
    internal static JsonObject ApplyOverrides(JsonObject fragment, JsonObject usage)
    {
        var result = (JsonObject)fragment.DeepClone();
        foreach (var (key, value) in usage)
        {
            if (key != "$ref")
            {
                Engine.Core.Definitions.RefOverride.Merge(result, key, value?.DeepClone());
            }
        }

        return result;
    }

    private static IEnumerable<(string Key, JsonObject Value)> Ordered(JsonObject container)
    {
        var props = container["properties"] as JsonObject ?? [];
        return props
            .Select((p, i) => (p.Key, Value: p.Value as JsonObject, Position: i))
            .Where(p => p.Value is not null)
            .OrderBy(p => JsonNumber.Read(p.Value!["x-ui"]?["order"]) ?? 1000 + p.Position)
            .Select(p => (p.Key, p.Value!));
    }

    /// <summary>The object schema that holds the fields of <paramref name="path"/>: the group itself, a repeating group's items.</summary>
    private JsonObject? ContainerOf(string path)
    {
        var node = Node(path);
        if (node is null || node["$ref"] is not null)
        {
            return null;
        }

        if (node["items"] is JsonObject items && KindOf(node) == FieldKind.Repeat)
        {
            node = items;
        }

        return node["type"]?.ToString() is "object" or null ? node : null;
    }

    private JsonObject? PropertiesOf(string path) =>
        ContainerOf(path) is { } container ? container["properties"] as JsonObject ?? (JsonObject)(container["properties"] = new JsonObject()) : null;

    /// <summary>The path of a field named <paramref name="name"/> inside <paramref name="parent"/> (a repeating group's items add <c>*</c>).</summary>
    private string ChildPath(string parent, string name) =>
        parent.Length > 0 && Node(parent) is { } node && KindOf(node) == FieldKind.Repeat ? parent + "/*/" + name : Join(parent, name);

    private JsonArray? RequiredOf(string parentPath, bool create)
    {
        var node = Node(parentPath);
        if (node is null)
        {
            return null;
        }

        if (node["items"] is JsonObject items && KindOf(node) == FieldKind.Repeat)
        {
            node = items;
        }

        if (node["required"] is JsonArray list)
        {
            return list;
        }

        return create ? (JsonArray)(node["required"] = new JsonArray()) : null;
    }

    private static JsonArray FieldsOf(JsonObject section) => section["fields"] as JsonArray ?? (JsonArray)(section["fields"] = new JsonArray());

    private static int NextOrder(JsonObject container) =>
        container.Select(p => (int)(JsonNumber.Read(p.Value?["x-ui"]?["order"]) ?? 0)).DefaultIfEmpty(0).Max() + 1;

    internal static JsonObject Ui(JsonObject field) => field["x-ui"] as JsonObject ?? (JsonObject)(field["x-ui"] = new JsonObject());

    private static JsonObject Text(string vi, string en) => new() { ["vi"] = vi.Trim(), ["en"] = en.Trim() };

    internal static string Join(string parent, string name) => parent.Length == 0 ? name : parent + "/" + name;

    internal static (string Parent, string Name) ParentOf(string path)
    {
        var cut = path.LastIndexOf('/');
        var parent = cut < 0 ? "" : path[..cut];
        if (parent.EndsWith("/*", StringComparison.Ordinal))
        {
            parent = parent[..^2];
        }

        return (parent, cut < 0 ? path : path[(cut + 1)..]);
    }

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A new field's schema: the JSON Schema type, format and widget the portal renders for that kind.</summary>
    public static JsonObject Template(FieldKind kind, string labelVi, string labelEn)
    {
        var label = Text(labelVi, labelEn);
        JsonObject Field(string type, string widget, params (string Key, JsonNode? Value)[] extra)
        {
            var field = new JsonObject { ["type"] = type };
            foreach (var (key, value) in extra)
            {
                field[key] = value;
            }

            field["x-ui"] = new JsonObject { ["label"] = label, ["widget"] = widget };
            return field;
        }

        JsonObject Choice(string widget)
        {
            var field = Field("string", widget, ("enum", new JsonArray("lua-chon-1", "lua-chon-2")));
            Ui(field)["enumLabels"] = new JsonObject
            {
                ["lua-chon-1"] = Text("Lựa chọn 1", "Option 1"),
                ["lua-chon-2"] = Text("Lựa chọn 2", "Option 2"),
            };
            return field;
        }

        JsonObject Units(string widget, string version) => Field("string", widget, ("minLength", 2), ("maxLength", 100)).Also(f =>
        {
            Ui(f)["units"] = "shared/hanoi-units.json";
            Ui(f)["unitsVersion"] = version;
            Ui(f)["valueField"] = "fullName";
        });

        return kind switch
        {
            FieldKind.Text => Field("string", "text", ("maxLength", 200)),
            FieldKind.Textarea => Field("string", "textarea", ("maxLength", 2000)),
            FieldKind.Number => Field("number", "number", ("minimum", 0)),
            FieldKind.Money => Field("integer", "money", ("minimum", 0)),
            FieldKind.Date => Field("string", "date", ("format", "date")),
            FieldKind.Select => Choice("select"),
            FieldKind.Radio => Choice("radio"),
            FieldKind.Checkbox => Field("boolean", "checkbox"),
            FieldKind.MultiChoice => Field("array", "checkbox", ("items", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("lua-chon-1", "lua-chon-2") }), ("uniqueItems", true))
                .Also(f => Ui(f)["enumLabels"] = new JsonObject { ["lua-chon-1"] = Text("Lựa chọn 1", "Option 1"), ["lua-chon-2"] = Text("Lựa chọn 2", "Option 2") }),
            FieldKind.CitizenId => Field("string", "citizen-id", ("pattern", "^[0-9]{12}$")),
            FieldKind.Phone => Field("string", "phone", ("pattern", "^0[0-9]{9}$")),
            FieldKind.Email => Field("string", "email", ("format", "email"), ("maxLength", 254)),
            FieldKind.Commune => Units("ward", "hn-2025"),
            FieldKind.District => Units("district", "hn-2020"),
            FieldKind.Ward => Units("ward", "hn-2020"),
            FieldKind.Group => Field("object", "group", ("required", new JsonArray()), ("properties", new JsonObject())),
            FieldKind.Repeat => Field("array", "repeat", ("minItems", 1), ("items", new JsonObject { ["type"] = "object", ["required"] = new JsonArray(), ["properties"] = new JsonObject() })),
            FieldKind.Applicant => new JsonObject { ["$ref"] = SharedFragments.Applicant, ["x-ui"] = new JsonObject { ["label"] = label, ["widget"] = "group" } },
            FieldKind.Address => new JsonObject { ["$ref"] = SharedFragments.Address, ["x-ui"] = new JsonObject { ["label"] = label, ["widget"] = "group" } },
            _ => Field("string", "text"),
        };
    }
}

file static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject node, Action<JsonObject> change)
    {
        change(node);
        return node;
    }
}

file static class JsonArrayExtensions
{
    public static void RemoveAll(this JsonArray array, Func<JsonNode?, bool> match)
    {
        for (var i = array.Count - 1; i >= 0; i--)
        {
            if (match(array[i]))
            {
                array.RemoveAt(i);
            }
        }
    }
}
