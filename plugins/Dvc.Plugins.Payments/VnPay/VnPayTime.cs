using System.Globalization;

namespace Dvc.Plugins.Payments.VnPay;

/// <summary>VNPAY's dates: <c>yyyyMMddHHmmss</c> in GMT+7.</summary>
internal static class VnPayTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static string Format(DateTimeOffset moment) => moment.ToOffset(Offset).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(string? text) =>
        DateTime.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, Offset)
            : null;
}
