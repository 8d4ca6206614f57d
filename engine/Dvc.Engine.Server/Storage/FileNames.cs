using System.Globalization;
using System.Text;

namespace Dvc.Engine.Server.Storage;

/// <summary>
/// Turns the name a client sent with a file into one that is safe to show and to send back in a download: no
/// folders, no control or invisible formatting characters (a right-to-left override makes <c>gpj.exe</c> read as
/// <c>exe.jpg</c>), composed Unicode, and a capped length that keeps the extension.
/// </summary>
internal static class FileNames
{
    public const int MaxLength = 120;

    private const string Fallback = "tep-dinh-kem";

    public static string Normalize(string? name)
    {
        var text = (name ?? "").Replace('\\', '/');
        text = text[(text.LastIndexOf('/') + 1)..];
        var clean = new StringBuilder(text.Length);
        foreach (var rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            // Characters Windows refuses in names also travel badly in Content-Disposition; a space says enough.
            clean.Append(rune.Value is ':' or '*' or '?' or '"' or '<' or '>' or '|' ? " " : rune.ToString());
        }

        var result = string.Join(' ', clean.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim(' ', '.');
        if (result.Length == 0)
        {
            return Fallback;
        }

        if (result.Length <= MaxLength)
        {
            return result;
        }

        var extension = Path.GetExtension(result);
        extension = extension.Length is > 1 and <= 10 ? extension : "";
        var stem = result[..^extension.Length];
        var keep = MaxLength - extension.Length;
        // Never cut a surrogate pair or a base letter from its combining mark.
        return stem[..TextElementBoundary(stem, keep)].TrimEnd(' ', '.') + extension;
    }

    private static int TextElementBoundary(string text, int limit)
    {
        var boundary = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var end = enumerator.ElementIndex + ((string)enumerator.Current).Length;
            if (end > limit)
            {
                break;
            }

            boundary = end;
        }

        return boundary;
    }
}
