namespace Dvc.Plugins.Payments.VnPay;

/// <summary>The merchant's answer to an IPN, as the gateway reads it: <c>{ "RspCode": "00", "Message": "Confirm Success" }</c>.</summary>
internal sealed record VnPayIpnAnswer(string RspCode, string Message)
{
    /// <summary>The payment (or its failure) was recorded.</summary>
    public static readonly VnPayIpnAnswer Confirmed = new("00", "Confirm Success");

    /// <summary>No payment was requested with this reference.</summary>
    public static readonly VnPayIpnAnswer OrderNotFound = new("01", "Order not found");

    /// <summary>The payment was already settled (a repeated IPN), or the request is no longer open.</summary>
    public static readonly VnPayIpnAnswer AlreadyConfirmed = new("02", "Order already confirmed");

    /// <summary>The amount is not the one requested.</summary>
    public static readonly VnPayIpnAnswer InvalidAmount = new("04", "invalid amount");

    /// <summary>The signature does not match: not from the gateway.</summary>
    public static readonly VnPayIpnAnswer InvalidSignature = new("97", "Invalid signature");

    /// <summary>Anything else went wrong; the gateway will try again.</summary>
    public static readonly VnPayIpnAnswer UnknownError = new("99", "Unknown error");
}
