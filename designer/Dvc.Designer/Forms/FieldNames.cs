using System.Globalization;
using System.Text;

namespace Dvc.Designer.Forms;

/// <summary>Field and option names made from Vietnamese labels: "Họ và tên" → <c>hoVaTen</c>, "Đã ly hôn" → <c>da-ly-hon</c>.</summary>
public static class FieldNames
{
    public static string Camel(string label, string fallback = "truong")
    {
        var words = Words(label);
        if (words.Count == 0)
        {
            return fallback;
        }

        var name = words[0] + string.Concat(words.Skip(1).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        return char.IsAsciiLetter(name[0]) ? Truncate(name) : fallback + Truncate(name);
    }

    public static string Kebab(string label, string fallback = "gia-tri")
    {
        var words = Words(label);
        return words.Count == 0 ? fallback : Truncate(string.Join('-', words));
    }

    /// <summary><paramref name="name"/>, or name2, name3… when it is taken.</summary>
    public static string Unique(string name, ICollection<string> taken)
    {
        var candidate = name;
        for (var i = 2; taken.Contains(candidate); i++)
        {
            candidate = name + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Trim().ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            builder.Append(c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static List<string> Words(string label) =>
        [.. Fold(label).Split(c => !char.IsAsciiLetterOrDigit(c)).Where(w => w.Length > 0)];

    private static string Truncate(string name) => name.Length > 40 ? name[..40] : name;
}

file static class SplitExtensions
{
    public static string[] Split(this string text, Func<char, bool> separator)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (separator(c))
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        parts.Add(current.ToString());
        return [.. parts];
    }
}
