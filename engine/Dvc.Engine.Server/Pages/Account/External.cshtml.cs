using Dvc.Engine.Persistence.Identity;
using Dvc.Engine.Server.Localization;
using Dvc.Engine.Server.NationalIdentity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dvc.Engine.Server.Pages.Account;

/// <summary>
/// Return from the national identity provider. A linked account is signed in at once; a first sign-in chooses:
/// link an existing account (its password, or a link sent to its e-mail) or create a new one.
/// </summary>
internal sealed class ExternalModel(IdentityLinking linking, PortalText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public PendingIdentity Pending { get; private set; } = null!;

    /// <summary>The account that has the provider's e-mail, which the citizen most likely wants to link.</summary>
    public string? SameEmailAccount { get; private set; }

    public string? Error { get; private set; }

    public bool LinkSent { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await linking.PendingAsync() is not { } pending)
        {
            return Redirect("/account/login?external=expired");
        }

        if (await linking.LinkedAccountAsync(pending) is { } linked)
        {
            return await DoneAsync(await linking.SignInAsync(linked, pending, link: false));
        }

        // Opening an e-mail link in a browser that had to sign in with the provider first: finish there.
        if (SafeReturnUrl().StartsWith("/account/link?", StringComparison.Ordinal))
        {
            return LocalRedirect(SafeReturnUrl());
        }

        return await ShowAsync(pending);
    }

    /// <summary>Proof by password.</summary>
    public async Task<IActionResult> OnPostPasswordAsync(string? password)
    {
        if (await linking.PendingAsync() is not { } pending)
        {
            return Redirect("/account/login?external=expired");
        }

        if (!string.IsNullOrWhiteSpace(Email) && !string.IsNullOrEmpty(password))
        {
            var (user, result) = await linking.CheckPasswordAsync(Email, password);
            if (result.Succeeded && user is not null)
            {
                return await DoneAsync(await linking.SignInAsync(user, pending, link: true), pending);
            }

            Error = result.IsLockedOut ? text["account.locked"] : text["account.invalid"];
        }
        else
        {
            Error = text["account.invalid"];
        }

        return await ShowAsync(pending);
    }

    /// <summary>Proof by e-mail: the same answer whether or not the address has an account.</summary>
    public async Task<IActionResult> OnPostEmailAsync(CancellationToken ct)
    {
        if (await linking.PendingAsync() is not { } pending)
        {
            return Redirect("/account/login?external=expired");
        }

        if (!string.IsNullOrWhiteSpace(Email))
        {
            await linking.SendLinkAsync(Email, pending, $"{Request.Scheme}://{Request.Host}", ct);
            LinkSent = true;
        }

        return await ShowAsync(pending);
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (await linking.PendingAsync() is not { } pending)
        {
            return Redirect("/account/login?external=expired");
        }

        return await DoneAsync(await linking.CreateAccountAsync(pending), pending);
    }

    private async Task<IActionResult> DoneAsync(IdentityResult result, PendingIdentity? pending = null)
    {
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl());
        }

        Error = string.Join(" ", result.Errors.Select(e => e.Description).Distinct(StringComparer.Ordinal));
        return pending is null ? Redirect("/account/login?external=failed") : await ShowAsync(pending);
    }

    private async Task<IActionResult> ShowAsync(PendingIdentity pending)
    {
        Pending = pending;
        SameEmailAccount = (await linking.AccountWithSameEmailAsync(pending))?.Email;
        Email ??= SameEmailAccount;
        return Page();
    }

    private string SafeReturnUrl() => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
