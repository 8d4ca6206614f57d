using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dvc.Engine.Core.Definitions;

namespace Dvc.Engine.Core.Forms;

/// <summary>
/// Validates a submission against a compiled form, the way JSON Schema draft-07 would, plus our conventions:
/// hidden fields (<c>x-ui.visibleWhen</c>) are skipped, widgets <c>citizen-id</c>/<c>phone</c>/<c>email</c> check their formats,
/// <c>x-validate</c> plausibility checks (date order, sums over a repeating group) are field errors too, and every error
/// carries Vietnamese and English text. Regexes have a timeout, so a bad pattern cannot stall a request.
/// </summary>
internal static class FormValidator
{
    private static readonly Regex CitizenId = new(@"^\d{12}$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    private static readonly Regex Phone = new(@"^(0|\+84)(3|5|7|8|9)\d{8}$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    private static readonly Regex Email = new(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    /// <param name="submittedOn">The day of the submission, for <c>$submittedOn</c> checks; null skips them.</param>
    public static FormValidationResult Validate(FormDefinition form, JsonObject data, string culture, DateOnly? submittedOn = null)
    {
        var errors = new List<FieldError>();
        ValidateObject(form.Root, data, data, string.Empty, errors);
        new Plausibility(form, data, submittedOn, errors).Object(form.Root, data, string.Empty);
        return new FormValidationResult(errors, culture);
    }

    /// <summary>The <c>x-validate</c> checks, after the schema's: each needs the whole submission, the form and the day.</summary>
    private sealed class Plausibility(FormDefinition form, JsonObject root, DateOnly? submittedOn, List<FieldError> errors)
    {
        public void Object(FormField field, JsonObject value, string pointer)
        {
            foreach (var child in field.Properties)
            {
                // A hidden field is neither stored nor checked.
                if ((child.VisibleWhen is not null && !child.VisibleWhen.IsVisible(value, root)) || value[child.Name] is not { } childValue)
                {
                    continue;
                }

                var childPointer = JsonPointer.Append(pointer, child.Name);
                Check(field, child, value, childValue, childPointer);
                if (childValue is JsonObject group && child.Type == FormFieldType.Object)
                {
                    Object(child, group, childPointer);
                }
                else if (childValue is JsonArray list && child.Items is { Type: FormFieldType.Object } items)
                {
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (list[i] is JsonObject item)
                        {
                            Object(items, item, JsonPointer.Append(childPointer, i));
                        }
                    }
                }
            }
        }

        private void Check(FormField parent, FormField field, JsonObject siblings, JsonNode value, string pointer)
        {
            foreach (var check in field.Checks)
            {
                if (check.Keyword == "sum")
                {
                    Sum(field, check, value as JsonArray, pointer);
                    continue;
                }

                if (!Date(value, out var date))
                {
                    continue;
                }

                var (other, otherLabel) = check.Reference == PlausibilityCheck.SubmittedOn
                    ? (submittedOn, new LocalizedText("ngày nộp hồ sơ", "the submission date"))
                    : Referenced(parent, siblings, check.Reference);
                if (other is { } otherDate && !check.Holds(date, otherDate))
                {
                    var shown = otherDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
                    errors.Add(new FieldError(pointer, check.Keyword, FieldMessages.For(field, check.Keyword, otherLabel.Vi, otherLabel.En, shown)));
                }
            }
        }

        private void Sum(FormField field, PlausibilityCheck check, JsonArray? items, string pointer)
        {
            if (items is null || items.Count == 0)
            {
                return;
            }

            var total = items.OfType<JsonObject>().Sum(item => JsonValues.TryGetDecimal(item[check.Reference], out var n) ? n : 0m);
            var addend = field.Items?.FindProperty(check.Reference)?.Label ?? LocalizedText.Both(check.Reference);
            string Text(decimal n) => n.ToString("0.##", CultureInfo.InvariantCulture);
            if (check.EqualsValue is { } exactly && total != exactly)
            {
                errors.Add(new FieldError(pointer, "sum", FieldMessages.For(field, "sum", addend.Vi, addend.En, "=", Text(exactly), Text(total))));
            }
            else if (check.Min is { } min && total < min)
            {
                errors.Add(new FieldError(pointer, "sum", FieldMessages.For(field, "sum", addend.Vi, addend.En, ">=", Text(min), Text(total))));
            }
            else if (check.Max is { } max && total > max)
            {
                errors.Add(new FieldError(pointer, "sum", FieldMessages.For(field, "sum", addend.Vi, addend.En, "<=", Text(max), Text(total))));
            }
        }

        private (DateOnly? Date, LocalizedText Label) Referenced(FormField parent, JsonObject siblings, string reference)
        {
            var field = reference.StartsWith('/') ? form.Find(reference) : parent.FindProperty(reference);
            JsonNode? node = reference.StartsWith('/') ? root : siblings;
            foreach (var segment in reference.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                node = node is JsonObject o ? o[segment] : null;
            }

            // A date the citizen left empty or mistyped has its own error; comparing with it would only repeat it.
            var label = field?.Label ?? LocalizedText.Both(reference);
            return (Date(node, out var date) ? date : null, new LocalizedText(label.Vi.ToLower(CultureInfo.GetCultureInfo("vi-VN")), label.En));
        }

        private static bool Date(JsonNode? node, out DateOnly date)
        {
            date = default;
            return JsonValues.TryGetString(node, out var text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
        }
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
