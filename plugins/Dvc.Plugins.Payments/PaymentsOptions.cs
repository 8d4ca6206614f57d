using System.ComponentModel.DataAnnotations;

namespace Dvc.Plugins.Payments;

/// <summary>
/// <c>Plugins:Payments</c>: the merchant's account at the gateway. Without <see cref="GatewayUrl"/> no gateway is
/// connected: payment requests still wait, and the portal offers the host's local confirmation instead of a redirect.
/// </summary>
public sealed class PaymentsOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Plugins:Payments";

    /// <summary>The gateway's payment page (VNPAY: <c>…/paymentv2/vpcpay.html</c>); empty: no gateway.</summary>
    public string GatewayUrl { get; set; } = "";

    /// <summary>The merchant code the gateway issued (<c>vnp_TmnCode</c>).</summary>
    [MaxLength(32)]
    public string TmnCode { get; set; } = "";

    /// <summary>The secret the gateway issued for <c>vnp_SecureHash</c> (HMAC-SHA512). Keep it out of source control.</summary>
    public string HashSecret { get; set; } = "";

    /// <summary>Minutes a payment session at the gateway stays open (<c>vnp_ExpireDate</c>), never past the request's deadline.</summary>
    [Range(1, 24 * 60)]
    public int SessionMinutes { get; set; } = 15;

    /// <summary>The gateway's order category (<c>vnp_OrderType</c>).</summary>
    [Required]
    public string OrderType { get; set; } = "billpayment";

    /// <summary>True when a gateway is configured.</summary>
    public bool IsConnected => !string.IsNullOrWhiteSpace(GatewayUrl);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsConnected)
        {
            yield break;
        }

        if (!Uri.TryCreate(GatewayUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("Plugins:Payments:GatewayUrl must be an absolute URL.", [nameof(GatewayUrl)]);
        }

        if (string.IsNullOrWhiteSpace(TmnCode) || string.IsNullOrWhiteSpace(HashSecret))
        {
            yield return new ValidationResult("Plugins:Payments needs TmnCode and HashSecret when GatewayUrl is set.", [nameof(TmnCode), nameof(HashSecret)]);
        }
    }
}
