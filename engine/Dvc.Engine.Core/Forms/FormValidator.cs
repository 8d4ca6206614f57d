using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dvc.Engine.Core.Definitions;

namespace Dvc.Engine.Core.Forms;

/// <summary>
/// Validates a submission against a compiled form, the way JSON Schema draft-07 would, plus our conventions:
/// hidden fields (<c>x-ui.visibleWhen</c>) are skipped, widgets <c>citizen-id</c>/<c>phone</c>/<c>email</c> check their formats,
/// and every error carries Vietnamese and English text. Regexes have a timeout, so a bad pattern cannot stall a request.
/// </summary>
internal static class FormValidator
{
    private static readonly Regex CitizenId = new(@"^\d{12}$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    private static readonly Regex Phone = new(@"^(0|\+84)(3|5|7|8|9)\d{8}$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    private static readonly Regex Email = new(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    public static FormValidationResult Validate(FormDefinition form, JsonObject data, string culture)
    {
        var errors = new List<FieldError>();
        ValidateObject(form.Root, data, data, string.Empty, errors);
        return new FormValidationResult(errors, culture);
    }

    private static void ValidateObject(FormField field, JsonObject value, JsonObject root, string pointer, List<FieldError> errors)
    {
        foreach (var child in field.Properties)
        {
            var childPointer = JsonPointer.Append(pointer, child.Name);
            if (child.VisibleWhen is { } visible && !visible.IsVisible(value, root))
            {
                continue;
            }

            value.TryGetPropertyValue(child.Name, out var childValue);
            if (IsEmpty(childValue))
            {
                if (field.Required.Contains(child.Name))
                {
                    errors.Add(new FieldError(childPointer, "required", FieldMessages.For(child, "required")));
                }

                continue;
            }

            ValidateValue(child, childValue!, root, childPointer, errors);
        }

        if (!field.AdditionalPropertiesAllowed)
        {
            foreach (var (key, _) in value)
            {
                if (field.FindProperty(key) is null)
                {
                    errors.Add(new FieldError(JsonPointer.Append(pointer, key), "additionalProperties", FieldMessages.For(field, "additionalProperties", key)));
                }
            }
        }
    }

    private static bool IsEmpty(JsonNode? node) =>
        node is null || (JsonValues.TryGetString(node, out var s) && s.Trim().Length == 0);

    private static void ValidateValue(FormField field, JsonNode value, JsonObject root, string pointer, List<FieldError> errors)
    {
        if (!HasType(field.Type, value))
        {
            errors.Add(new FieldError(pointer, "type", FieldMessages.For(field, "type")));
            return;
        }

        if (field.Enum is { } allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            errors.Add(new FieldError(pointer, "enum", FieldMessages.For(field, "enum")));
            return;
        }

        switch (field.Type)
        {
            case FormFieldType.String:
                JsonValues.TryGetString(value, out var text);
                ValidateString(field, text, pointer, errors);
                break;
            case FormFieldType.Integer:
            case FormFieldType.Number:
                JsonValues.TryGetDecimal(value, out var number);
                ValidateNumber(field, number, pointer, errors);
                break;
            case FormFieldType.Object:
                ValidateObject(field, (JsonObject)value, root, pointer, errors);
                break;
            case FormFieldType.Array:
                ValidateArray(field, (JsonArray)value, root, pointer, errors);
                break;
        }
    }

    private static bool HasType(FormFieldType type, JsonNode value) => type switch
    {
        FormFieldType.String => value is JsonValue v && v.GetValueKind() == JsonValueKind.String,
        FormFieldType.Boolean => value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        FormFieldType.Number => JsonValues.TryGetDecimal(value, out _),
        FormFieldType.Integer => JsonValues.TryGetDecimal(value, out var d) && decimal.Truncate(d) == d,
        FormFieldType.Object => value is JsonObject,
        _ => value is JsonArray,
    };

    private static void ValidateString(FormField field, string text, string pointer, List<FieldError> errors)
    {
        var length = new StringInfo(text).LengthInTextElements;
        if (field.MinLength is { } min && length < min)
        {
            errors.Add(new FieldError(pointer, "minLength", FieldMessages.For(field, "minLength", min)));
        }

        if (field.MaxLength is { } max && length > max)
        {
            errors.Add(new FieldError(pointer, "maxLength", FieldMessages.For(field, "maxLength", max)));
        }

        if (field.Pattern is { } pattern && !Matches(pattern, text))
        {
            errors.Add(new FieldError(pointer, "pattern", FieldMessages.For(field, "pattern")));
        }

        if (field.IsDate && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add(new FieldError(pointer, "format", FieldMessages.For(field, "format", "date")));
        }
        else if ((field.Format == "email" || field.Widget == "email") && !Matches(Email, text))
        {
            errors.Add(new FieldError(pointer, "format", FieldMessages.For(field, "format", "email")));
        }

        if (field.Widget == "citizen-id" && !Matches(CitizenId, text))
        {
            errors.Add(new FieldError(pointer, "citizenId", FieldMessages.For(field, "citizenId")));
        }

        if (field.Widget == "phone" && !Matches(Phone, text.Replace(" ", string.Empty, StringComparison.Ordinal)))
        {
            errors.Add(new FieldError(pointer, "phone", FieldMessages.For(field, "phone")));
        }
    }

    private static bool Matches(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static void ValidateNumber(FormField field, decimal number, string pointer, List<FieldError> errors)
    {
        if (field.Minimum is { } min && number < min)
        {
            errors.Add(new FieldError(pointer, "minimum", FieldMessages.For(field, "minimum", min)));
        }

        if (field.Maximum is { } max && number > max)
        {
            errors.Add(new FieldError(pointer, "maximum", FieldMessages.For(field, "maximum", max)));
        }

        if (field.ExclusiveMinimum is { } exMin && number <= exMin)
        {
            errors.Add(new FieldError(pointer, "exclusiveMinimum", FieldMessages.For(field, "exclusiveMinimum", exMin)));
        }

        if (field.ExclusiveMaximum is { } exMax && number >= exMax)
        {
            errors.Add(new FieldError(pointer, "exclusiveMaximum", FieldMessages.For(field, "exclusiveMaximum", exMax)));
        }

        if (field.MultipleOf is { } step && step > 0 && number % step != 0)
        {
            errors.Add(new FieldError(pointer, "multipleOf", FieldMessages.For(field, "multipleOf", step)));
        }
    }

    private static void ValidateArray(FormField field, JsonArray array, JsonObject root, string pointer, List<FieldError> errors)
    {
        if (field.MinItems is { } min && array.Count < min)
        {
            errors.Add(new FieldError(pointer, "minItems", FieldMessages.For(field, "minItems", min)));
        }

        if (field.MaxItems is { } max && array.Count > max)
        {
            errors.Add(new FieldError(pointer, "maxItems", FieldMessages.For(field, "maxItems", max)));
        }

        if (field.UniqueItems && array.Select((a, i) => (a, i)).Any(x => array.Take(x.i).Any(b => JsonNode.DeepEquals(b, x.a))))
        {
            errors.Add(new FieldError(pointer, "uniqueItems", FieldMessages.For(field, "uniqueItems")));
        }

        if (field.Items is null)
        {
            return;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var itemPointer = JsonPointer.Append(pointer, i);
            if (array[i] is null)
            {
                errors.Add(new FieldError(itemPointer, "type", FieldMessages.For(field.Items, "type")));
                continue;
            }

            ValidateValue(field.Items, array[i]!, root, itemPointer, errors);
        }
    }
}
