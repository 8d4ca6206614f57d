namespace Dvc.Plugins.Simulator;

/// <summary><c>Simulator</c>: the accounts the simulated systems know. Defaults match the server's Development settings.</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    /// <summary>Merchants of the payment gateway.</summary>
    public List<MerchantOptions> Merchants { get; set; } = [];

    /// <summary>How long a "late" IPN waits before it is sent.</summary>
    public double LateIpnSeconds { get; set; } = 5;
}

/// <summary>A merchant of the payment gateway: its code, its secret and where its IPN goes.</summary>
public sealed class MerchantOptions
{
    public string TmnCode { get; set; } = "";

    public string HashSecret { get; set; } = "";

    /// <summary>The merchant's IPN address; a relative one is taken from the origin of the payment's <c>vnp_ReturnUrl</c>.</summary>
    public string IpnUrl { get; set; } = "/payments/vnpay/ipn";
}
