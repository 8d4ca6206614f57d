using System.Globalization;
using System.Security.Cryptography;

namespace Dvc.Engine.Persistence.Dossiers;

/// <summary>
/// Dossier codes: <c>HN-2026-K7QX-M2PD</c> — prefix, year of submission (UTC+7), and eight random characters in two
/// groups. A running number told anyone with one code the codes of every other dossier; eight characters from an
/// alphabet without look-alikes (no 0/O, 1/I/L, U) give 30⁸ ≈ 6.6·10¹¹ codes a year, read aloud and typed easily.
/// </summary>
public static class DossierCodes
{
    /// <summary>Digits 2–9 and the letters that cannot be mistaken for them or for each other.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(string prefix, int year)
    {
        Span<char> random = stackalloc char[8];
        RandomNumberGenerator.GetItems(Alphabet, random);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year}-{random[..4]}-{random[4..]}");
    }

    /// <summary>
    /// A code as typed (<c>hn-2026-k7qx m2pd</c>, <c>HN-2026-K7QXM2PD</c>) in its stored form, or the input
    /// upper-cased when it does not have the shape of a code.
    /// </summary>
    public static string Normalize(string typed)
    {
        var text = typed.Trim().ToUpperInvariant().Replace(' ', '-');
        var parts = text.Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 3 or 4 && parts[1].Length == 4 && string.Concat(parts[2..]) is { Length: 8 } random)
        {
            return $"{parts[0]}-{parts[1]}-{random[..4]}-{random[4..]}";
        }

        return text;
    }
}
