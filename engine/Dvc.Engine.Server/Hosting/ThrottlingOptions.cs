using System.ComponentModel.DataAnnotations;

namespace Dvc.Engine.Server.Hosting;

/// <summary>
/// How often one client may try what an attacker would try in bulk (section <c>Dvc:Throttling</c>). Per node: each
/// server counts its own requests; the account lockout behind sign-in is in the database and holds across nodes.
/// </summary>
internal sealed class ThrottlingOptions
{
    public const string Section = "Dvc:Throttling";

    /// <summary>
    /// Sign-in and registration posts per client address and minute. Generous, because a ward office signs in many
    /// officers from one address at opening time.
    /// </summary>
    [Range(1, 100_000)]
    public int SignInsPerAddressPerMinute { get; set; } = 30;

    /// <summary>Password attempts for one e-mail address per 15 minutes from browsers it never signed in on.</summary>
    [Range(1, 100_000)]
    public int SignInsPerAccountPer15Minutes { get; set; } = 10;

    /// <summary>Anonymous progress look-ups per client address and minute.</summary>
    [Range(1, 100_000)]
    public int TrackingPerAddressPerMinute { get; set; } = 20;
}
