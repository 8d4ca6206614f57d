using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Dvc.Engine.Core.Definitions;

/// <summary>
/// procedure.schema.json (the file editors use, embedded at build time) applied to a manifest with NJsonSchema;
/// each error becomes a diagnostic at the offending value's line.
/// </summary>
internal static class ManifestSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);
    private static readonly Lock ValidationLock = new();

    public static void Validate(ResolvedJson manifest, ICollection<Diagnostic> diagnostics)
    {
        ICollection<ValidationError> errors;
        lock (ValidationLock)
        {
            // NJsonSchema does not document its validator as thread-safe; manifests are small, so one at a time costs little.
            errors = Schema.Value.Validate(manifest.Root?.ToJsonString() ?? "null");
        }

        foreach (var error in Flatten(errors).Take(50))
        {
            var pointer = ToPointer(error.Path);
            var location = manifest.Locate(error.Kind == ValidationErrorKind.PropertyRequired ? JsonPointer.Parent(pointer) : pointer);
            diagnostics.Add(location.Error(DefinitionDiagnostics.ManifestInvalid, Describe(error, pointer)));
        }
    }

    private static JsonSchema Load()
    {
        using var stream = typeof(ManifestSchema).Assembly.GetManifestResourceStream("Dvc.Engine.Core.Definitions.procedure.schema.json")
            ?? throw new InvalidOperationException("procedure.schema.json is not embedded in Dvc.Engine.Core; check the csproj.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromJsonAsync(reader.ReadToEnd()).GetAwaiter().GetResult();
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                foreach (var nested in Flatten(child.Errors.SelectMany(e => e.Value)))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return error;
            }
        }
    }

    /// <summary>NJsonSchema paths look like <c>#/attachments[0].name</c>; diagnostics use JSON pointers.</summary>
    internal static string ToPointer(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "#")
        {
            return string.Empty;
        }

        var text = path.StartsWith("#/", StringComparison.Ordinal) ? path[2..] : path.TrimStart('#');
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '.' or '[')
            {
                if (current.Length > 0)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                }
            }
            else if (c == ']')
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return JsonPointer.FromTokens(tokens);
    }

    private static string Describe(ValidationError error, string pointer)
    {
        var field = error.Property ?? (pointer.Length == 0 ? "procedure.json" : pointer.TrimStart('/'));
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"The field '{error.Property}' is required.",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"'{error.Property}' is not a field of procedure.json (see definitions/README.md).",
            ValidationErrorKind.PatternMismatch => $"'{field}' does not have the expected form ({error.Schema?.Pattern}).",
            ValidationErrorKind.NotInEnumeration => $"'{field}' must be one of: {string.Join(", ", error.Schema?.Enumeration.Select(e => e?.ToString()) ?? [])}.",
            ValidationErrorKind.StringExpected => $"'{field}' must be text.",
            ValidationErrorKind.IntegerExpected => $"'{field}' must be a whole number.",
            ValidationErrorKind.NumberExpected => $"'{field}' must be a number.",
            ValidationErrorKind.BooleanExpected => $"'{field}' must be true or false.",
            ValidationErrorKind.ArrayExpected => $"'{field}' must be a list.",
            ValidationErrorKind.ObjectExpected => $"'{field}' must be an object.",
            ValidationErrorKind.StringTooShort => $"'{field}' must not be empty.",
            _ => $"'{field}' is not valid: {error.Kind}.",
        };
    }
}
