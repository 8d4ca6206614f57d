using Dvc.Engine.Server.Localization;
using Dvc.Engine.Server.NationalIdentity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Dvc.Engine.Server.Pages.Account;

/// <summary>
/// The link e-mailed to prove an account: valid for a while, and only together with the national-identity sign-in it
/// was made for (in another browser the citizen signs in with the provider first, then confirms).
/// </summary>
internal sealed class LinkModel(IdentityLinking linking, PortalText text, IOptions<NationalIdentityOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public string? Error { get; private set; }

    public bool NeedsProvider { get; private set; }

    public string? AccountEmail { get; private set; }

    public string? IdentityName { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await ReadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        var (user, pending) = await ReadAsync();
        if (user is null || pending is null)
        {
            return Page();
        }

        var result = await linking.SignInAsync(user, pending, link: true);
        if (result.Succeeded)
        {
            return LocalRedirect("/");
        }

        Error = string.Join(" ", result.Errors.Select(e => e.Description));
        return Page();
    }

    /// <summary>Sign in with the provider in this browser, then come back here.</summary>
    public IActionResult OnPostProvider() =>
        options.Value.Enabled
            ? Challenge(linking.Challenge(QueryHelpers.AddQueryString("/account/link", "token", Token ?? "")), NationalIdentityOptions.Scheme)
            : NotFound();

    private async Task<(Persistence.Identity.DvcUser? User, PendingIdentity? Pending)> ReadAsync()
    {
        if (!linking.IsLinkValid(Token))
        {
            Error = text["identity.linkInvalid"];
            return (null, null);
        }

        if (await linking.PendingAsync() is not { } pending)
        {
            NeedsProvider = true;
            return (null, null);
        }

        IdentityName = pending.Identity.FullName;
        if (await linking.AccountOfLinkAsync(Token, pending) is not { } user)
        {
            Error = text["identity.linkOtherSignIn"];
            return (null, pending);
        }

        AccountEmail = user.Email;
        return (user, pending);
    }
}
