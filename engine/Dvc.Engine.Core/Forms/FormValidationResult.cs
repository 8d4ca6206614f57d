namespace Dvc.Engine.Core.Forms;

/// <summary>The outcome of validating one submission; <see cref="Culture"/> is the language the caller asked for.</summary>
public sealed record FormValidationResult(IReadOnlyList<FieldError> Errors, string Culture)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>Errors keyed by field pointer, in the requested language — the shape of HttpValidationProblemDetails.Errors.</summary>
    public IDictionary<string, string[]> ToDictionary() =>
        Errors.GroupBy(e => e.Pointer, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Text(Culture)).ToArray(), StringComparer.Ordinal);
}
