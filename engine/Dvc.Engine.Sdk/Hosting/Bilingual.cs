namespace Dvc.Engine.Sdk.Hosting;

/// <summary>A text a person reads, in Vietnamese (first, with full diacritics) and English.</summary>
/// <param name="Vi">Vietnamese.</param>
/// <param name="En">English.</param>
public sealed record Bilingual(string Vi, string En)
{
    /// <summary>The text in <paramref name="culture"/> (<c>en</c> or anything else for Vietnamese).</summary>
    /// <param name="culture">A culture name such as <c>vi</c>, <c>en</c> or <c>en-GB</c>.</param>
    public string Get(string? culture) => culture is not null && culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : Vi;
}
