using System.Text;
using System.Text.Json.Nodes;
using Dvc.Engine.Persistence.Identity;
using Dvc.Engine.Persistence.Outbox;
using Dvc.Engine.Server.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Dvc.Engine.Server.Accounts;

/// <summary>
/// "Set your password" links: for a forgotten password, and for claiming an account an officer created while filing a
/// dossier for someone at the counter (it has no password, so its owner could never register). The link is an
/// account e-mail in the outbox — a notification plugin delivers it; until one is installed the local handler logs
/// it — carrying a single-use Identity reset token that expires after a day.
/// </summary>
internal sealed class PasswordLinks(UserManager<DvcUser> users, OutboxStore outbox, PortalText text, IOptions<Hosting.DvcServerOptions> options)
{
    /// <summary>The outbox kind of e-mails about an account (not about a dossier).</summary>
    public const string OutboxKind = "account-email";

    /// <summary>True when the e-mail belongs to an account nobody has set a password or sign-on for yet.</summary>
    public async Task<bool> IsUnclaimedAsync(string email) =>
        await users.FindByEmailAsync(email) is { } user && !await users.HasPasswordAsync(user) && (await users.GetLoginsAsync(user)).Count == 0;

    /// <summary>
    /// Queues the link when the account exists; says nothing either way, so the form cannot tell who has an account.
    /// </summary>
    /// <param name="requestBase">The address the request came to, used when no public address is configured.</param>
    public async Task SendAsync(string email, string requestBase, CancellationToken ct)
    {
        if (await users.FindByEmailAsync(email.Trim()) is not { Email: { } address } user)
        {
            return;
        }

        var claim = !await users.HasPasswordAsync(user);
        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var root = (string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? requestBase : options.Value.PublicBaseUrl).TrimEnd('/');
        var link = QueryHelpers.AddQueryString(root + "/account/reset", new Dictionary<string, string?> { ["email"] = address, ["token"] = token });
        await outbox.EnqueueAsync(
            new NewOutboxMessage(OutboxKind, new JsonObject
            {
                ["to"] = address,
                ["subject"] = text[claim ? "reset.claimSubject" : "reset.subject"],
                ["text"] = text.Format(claim ? "reset.claimBody" : "reset.body", user.FullName, link),
                ["link"] = link,
            }.ToJsonString()),
            ct);
    }

    /// <summary>Sets the new password if the token from the link is valid for this e-mail; Identity's errors otherwise.</summary>
    public async Task<IdentityResult> ResetAsync(string email, string token, string password)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
        }

        return await users.FindByEmailAsync(email.Trim()) is { } user
            ? await users.ResetPasswordAsync(user, decoded, password)
            : IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
    }
}
