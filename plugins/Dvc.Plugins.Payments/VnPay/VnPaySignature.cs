using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Dvc.Plugins.Payments.VnPay;

/// <summary>
/// The VNPAY 2.1.0 signature: HMAC-SHA512 with the merchant's secret over the <c>vnp_</c> parameters sorted by key
/// (ordinal), each written <c>key=value</c> URL-encoded (spaces as <c>+</c>) and joined by <c>&amp;</c>; empty values and
/// the hash fields themselves are left out. The same string, plus <c>vnp_SecureHash</c>, is the query string.
/// </summary>
internal static class VnPaySignature
{
    public const string HashField = "vnp_SecureHash";
    public const string HashTypeField = "vnp_SecureHashType";

    /// <summary>The signed query string (without <c>?</c>) for <paramref name="fields"/>.</summary>
    public static string SignedQuery(IEnumerable<KeyValuePair<string, string>> fields, string secret)
    {
        var data = Canonical(fields);
        return $"{data}&{HashField}={Hash(data, secret)}";
    }

    /// <summary>True when <paramref name="fields"/> carry a <c>vnp_SecureHash</c> that matches the rest.</summary>
    public static bool Verify(IEnumerable<KeyValuePair<string, string>> fields, string secret)
    {
        var list = fields.ToList();
        var given = list.FirstOrDefault(f => f.Key == HashField).Value;
        if (string.IsNullOrEmpty(given))
        {
            return false;
        }

        var expected = Convert.FromHexString(Hash(Canonical(list), secret));
        byte[] actual;
        try
        {
            actual = Convert.FromHexString(given);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>The sorted, encoded <c>key=value&amp;…</c> string the hash covers.</summary>
    public static string Canonical(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields
            .Where(f => f.Key.StartsWith("vnp_", StringComparison.Ordinal) && f.Key is not (HashField or HashTypeField) && !string.IsNullOrEmpty(f.Value))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => $"{WebUtility.UrlEncode(f.Key)}={WebUtility.UrlEncode(f.Value)}"));

    private static string Hash(string data, string secret) =>
        Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(data)));
}
