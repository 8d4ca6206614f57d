using System.Globalization;
using System.Text;

namespace Dvc.Engine.Server.Localization;

/// <summary>Text compared the way people type it: any case, with or without Vietnamese diacritics ("nguyen van an" finds "Nguyễn Văn An").</summary>
internal static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Trim().Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return string.Join(' ', folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public static bool Matches(string? candidate, string foldedQuery) => foldedQuery.Length > 0 && Fold(candidate).Contains(foldedQuery, StringComparison.Ordinal);
}
