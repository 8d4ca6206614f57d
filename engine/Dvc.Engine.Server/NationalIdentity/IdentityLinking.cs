using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Dvc.Engine.Persistence.Identity;
using Dvc.Engine.Persistence.Outbox;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Dvc.Engine.Server.NationalIdentity;

/// <summary>
/// A return from the national identity provider becomes a portal session: the account already linked to that
/// identity, an existing local account once its owner proves it (its password, or a link sent to its e-mail through
/// the outbox), or a new citizen account. Every such session records the verified claims on the account and is marked
/// as signed in with the national identity, which is what locks verified form fields.
/// </summary>
internal sealed class IdentityLinking(
    SignInManager<DvcUser> signIn,
    UserManager<DvcUser> users,
    AccountService accounts,
    OutboxStore outbox,
    IDataProtectionProvider protection,
    PortalText text,
    TimeProvider clock,
    IOptions<NationalIdentityOptions> options,
    IOptions<Hosting.DvcServerOptions> server)
{
    private ITimeLimitedDataProtector LinkProtector => protection.CreateProtector("Dvc.NationalIdentity.Link").ToTimeLimitedDataProtector();

    /// <summary>What a challenge of the provider carries: come back to the return page, then go to <paramref name="returnUrl"/>.</summary>
    public AuthenticationProperties Challenge(string returnUrl) =>
        signIn.ConfigureExternalAuthenticationProperties(NationalIdentityOptions.Scheme, QueryHelpers.AddQueryString("/account/external", "returnUrl", returnUrl));

    /// <summary>The sign-in that came back from the provider and waits for an account, or null (none, expired, no ID number).</summary>
    public async Task<PendingIdentity?> PendingAsync()
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        return info is not null && VerifiedIdentity.From(info.Principal) is { } identity ? new PendingIdentity(info, identity) : null;
    }

    public Task<DvcUser?> LinkedAccountAsync(PendingIdentity pending) => users.FindByLoginAsync(pending.Info.LoginProvider, pending.Info.ProviderKey);

    /// <summary>The local account with the e-mail the provider gave, if any: the one the citizen probably wants to link.</summary>
    public async Task<DvcUser?> AccountWithSameEmailAsync(PendingIdentity pending) =>
        pending.Identity.Email is { } email ? await users.FindByEmailAsync(email) : null;

    /// <summary>
    /// Links (when <paramref name="link"/>) and signs in: records the verified claims on the account, keeps the ID
    /// token for signing out at the provider, and ends the pending external sign-in.
    /// </summary>
    public async Task<IdentityResult> SignInAsync(DvcUser user, PendingIdentity pending, bool link)
    {
        if (user.CitizenId is { } held && user.IdentityVerifiedAt is not null && held != pending.Identity.CitizenId)
        {
            return IdentityResult.Failed(new IdentityError { Code = "OtherIdentity", Description = text["identity.otherIdentity"] });
        }

        if (link)
        {
            var added = await users.AddLoginAsync(user, pending.Info);
            if (!added.Succeeded)
            {
                return added;
            }
        }

        user.CitizenId = pending.Identity.CitizenId;
        user.IdentityVerifiedAt = clock.GetUtcNow();
        user.VerifiedClaimsJson = pending.Identity.ToJson();
        if (string.IsNullOrWhiteSpace(user.FullName) && pending.Identity.FullName is { } name)
        {
            user.FullName = name;
        }

        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return updated;
        }

        var properties = new AuthenticationProperties();
        if (pending.Info.AuthenticationTokens?.FirstOrDefault(t => t.Name == "id_token") is { } idToken)
        {
            properties.Items[NationalIdentitySetup.IdTokenHint] = idToken.Value;
        }

        await signIn.SignInAsync(user, properties, NationalIdentityOptions.Scheme);
        await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
        return IdentityResult.Success;
    }

    /// <summary>
    /// A new citizen account for someone without one. Refused when the provider's e-mail already has an account:
    /// that account must be linked (proved) instead, or anyone could take it over by e-mail.
    /// </summary>
    public async Task<IdentityResult> CreateAccountAsync(PendingIdentity pending)
    {
        if (await AccountWithSameEmailAsync(pending) is not null)
        {
            return IdentityResult.Failed(new IdentityError { Code = "EmailTaken", Description = text.Format("identity.emailTaken", pending.Identity.Email!) });
        }

        // Many electronic identities carry no e-mail; the account still needs a unique, clearly unusable one.
        var email = pending.Identity.Email ?? $"{Guid.NewGuid():N}@dinhdanh.invalid";
        var user = await accounts.EnsureCitizenAsync(email, pending.Identity.FullName ?? email);
        return await SignInAsync(user, pending, link: true);
    }

    /// <summary>Proof by password: the account's own password, with lockout like the sign-in page.</summary>
    public async Task<(DvcUser? User, Microsoft.AspNetCore.Identity.SignInResult Result)> CheckPasswordAsync(string email, string password)
    {
        if (await users.FindByEmailAsync(email.Trim()) is not { } user)
        {
            return (null, Microsoft.AspNetCore.Identity.SignInResult.Failed);
        }

        return (user, await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true));
    }

    /// <summary>
    /// Proof by e-mail: queues a link to the account's address (never saying whether it exists). The link works only
    /// in a browser holding this same pending sign-in, so someone else's identity cannot be linked to the account by
    /// making its owner click.
    /// </summary>
    public async Task SendLinkAsync(string email, PendingIdentity pending, string requestBase, CancellationToken ct)
    {
        if (await users.FindByEmailAsync(email.Trim()) is not { Email: { } address } user)
        {
            return;
        }

        var ticket = string.Join('\n', user.Id, pending.Info.LoginProvider, pending.Info.ProviderKey);
        var token = LinkProtector.Protect(ticket, TimeSpan.FromMinutes(options.Value.LinkingMinutes));
        var link = QueryHelpers.AddQueryString(PasswordLinks.Root(server.Value, requestBase) + "/account/link", "token", token);
        await outbox.EnqueueAsync(
            new NewOutboxMessage(PasswordLinks.OutboxKind, new JsonObject
            {
                ["to"] = address,
                ["subject"] = text["identity.linkSubject"],
                ["text"] = text.Format("identity.linkBody", user.FullName, pending.Identity.FullName ?? "", link, options.Value.LinkingMinutes),
                ["link"] = link,
            }.ToJsonString()),
            ct);
    }

    /// <summary>The account an e-mail link proves, when it is still valid and was made for this pending sign-in.</summary>
    public async Task<DvcUser?> AccountOfLinkAsync(string? token, PendingIdentity pending)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        string ticket;
        try
        {
            ticket = LinkProtector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = ticket.Split('\n');
        return parts.Length == 3 && parts[1] == pending.Info.LoginProvider && parts[2] == pending.Info.ProviderKey
            ? await users.FindByIdAsync(parts[0])
            : null;
    }

    /// <summary>True when the link is well-formed and unexpired, whoever's browser opens it.</summary>
    public bool IsLinkValid(string? token)
    {
        try
        {
            return !string.IsNullOrEmpty(token) && LinkProtector.Unprotect(token).Length > 0;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
