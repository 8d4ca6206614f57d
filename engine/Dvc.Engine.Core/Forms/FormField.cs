using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dvc.Engine.Core.Definitions;

namespace Dvc.Engine.Core.Forms;

/// <summary>One field of a form (or the root object), with its constraints and UI hints, read from form.schema.json.</summary>
public sealed record FormField
{
    /// <summary>Property name ("" for the root, "*" for array items).</summary>
    public required string Name { get; init; }

    /// <summary>Pointer of the value in a submission, with <c>/*</c> standing for any array index.</summary>
    public required string DataPointer { get; init; }

    /// <summary>Pointer of the field's schema inside form.schema.json (after $ref inlining).</summary>
    public required string SchemaPointer { get; init; }

    public required FormFieldType Type { get; init; }

    public bool Nullable { get; init; }

    public LocalizedText Label { get; init; } = LocalizedText.Empty;

    public LocalizedText? Help { get; init; }

    public LocalizedText? Placeholder { get; init; }

    public string? Widget { get; init; }

    public string? Format { get; init; }

    public double Order { get; init; } = double.MaxValue;

    public VisibleWhen? VisibleWhen { get; init; }

    public string? CascadeFrom { get; init; }

    public IReadOnlyList<string> Required { get; init; } = [];

    public IReadOnlyList<FormField> Properties { get; init; } = [];

    public bool AdditionalPropertiesAllowed { get; init; } = true;

    public FormField? Items { get; init; }

    public IReadOnlyList<JsonNode?>? Enum { get; init; }

    public IReadOnlyDictionary<string, LocalizedText> EnumLabels { get; init; } = new Dictionary<string, LocalizedText>();

    public IReadOnlyDictionary<string, LocalizedText> Errors { get; init; } = new Dictionary<string, LocalizedText>();

    public Regex? Pattern { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public decimal? Minimum { get; init; }

    public decimal? Maximum { get; init; }

    public decimal? ExclusiveMinimum { get; init; }

    public decimal? ExclusiveMaximum { get; init; }

    public decimal? MultipleOf { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    public bool UniqueItems { get; init; }

    /// <summary>What <c>x-validate</c> declares: date order and sums over a repeating group.</summary>
    public IReadOnlyList<PlausibilityCheck> Checks { get; init; } = [];

    public FormField? FindProperty(string name) => Properties.FirstOrDefault(p => p.Name == name);

    public bool IsDate => Type == FormFieldType.String && (Format == "date" || Widget == "date");
}
