using Dvc.Engine.Persistence.Identity;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dvc.Engine.Server.Pages.Account;

/// <summary>Citizen self-registration; signs the new citizen in at once.</summary>
internal sealed class RegisterModel(AccountService accounts, PasswordLinks links, SignInManager<DvcUser> signIn, UserManager<DvcUser> users, PortalText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? FullName { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The e-mail belongs to an account made at the counter; a link to claim it was sent.</summary>
    public bool ClaimLinkSent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? password, string? confirm)
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrWhiteSpace(FullName) || string.IsNullOrEmpty(password))
        {
            Errors = [text["account.required"]];
            return Page();
        }

        if (password != confirm)
        {
            Errors = [text["account.mismatch"]];
            return Page();
        }

        // An officer filed a dossier for this e-mail and created a passwordless account: its owner claims it through
        // a link to their mailbox instead of being told forever that the address is taken.
        if (await links.IsUnclaimedAsync(Email.Trim()))
        {
            await links.SendAsync(Email.Trim(), $"{Request.Scheme}://{Request.Host}{Request.PathBase}", HttpContext.RequestAborted);
            ClaimLinkSent = true;
            return Page();
        }

        var result = await accounts.RegisterCitizenAsync(Email.Trim(), FullName.Trim(), password);
        if (!result.Succeeded)
        {
            Errors = [.. result.Errors.Select(e => e.Description).Distinct(StringComparer.Ordinal)];
            return Page();
        }

        var user = await users.FindByEmailAsync(Email.Trim());
        await signIn.SignInAsync(user!, isPersistent: false);
        var target = !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        return LocalRedirect(target);
    }
}
