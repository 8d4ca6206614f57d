using System.Globalization;

namespace Dvc.Engine.Server.Localization;

/// <summary>VND without decimals and with dot thousands separators, as Vietnamese documents print it: 135.000 đ.</summary>
internal static class Money
{
    private static readonly NumberFormatInfo Format = new() { NumberGroupSeparator = ".", NumberDecimalDigits = 0 };

    public static string Vnd(long amount) => amount.ToString("#,0", Format) + " đ";
}
