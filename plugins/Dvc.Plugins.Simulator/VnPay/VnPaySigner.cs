using System.Security.Cryptography;
using System.Text;

namespace Dvc.Plugins.Simulator.VnPay;

/// <summary>
/// The gateway's side of the VNPAY 2.1.0 signature, written from the published specification on its own (not shared
/// with the plugin), so a test against the simulator checks the plugin's implementation instead of echoing it.
/// </summary>
internal static class VnPaySigner
{
    public static string Sign(IReadOnlyDictionary<string, string> fields, string secret)
    {
        var data = new StringBuilder();
        foreach (var key in fields.Keys.Where(k => k.StartsWith("vnp_", StringComparison.Ordinal) && k != "vnp_SecureHash" && k != "vnp_SecureHashType").OrderBy(k => k, StringComparer.Ordinal))
        {
            if (fields[key].Length == 0)
            {
                continue;
            }

            if (data.Length > 0)
            {
                data.Append('&');
            }

            data.Append(System.Net.WebUtility.UrlEncode(key)).Append('=').Append(System.Net.WebUtility.UrlEncode(fields[key]));
        }

        using var hmac = new HMACSHA512(Encoding.UTF8.GetBytes(secret));
        return Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes(data.ToString())));
    }

    public static bool Verify(IReadOnlyDictionary<string, string> fields, string secret) =>
        fields.TryGetValue("vnp_SecureHash", out var hash) && string.Equals(hash, Sign(fields, secret), StringComparison.OrdinalIgnoreCase);

    /// <summary>The query string of <paramref name="fields"/> plus their signature.</summary>
    public static string Query(IReadOnlyDictionary<string, string> fields, string secret)
    {
        var query = string.Join('&', fields.Where(f => f.Key != "vnp_SecureHash").Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        return $"{query}&vnp_SecureHash={Sign(fields, secret)}";
    }
}
