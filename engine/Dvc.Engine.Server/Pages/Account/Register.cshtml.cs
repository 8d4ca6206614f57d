using Dvc.Engine.Persistence.Identity;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dvc.Engine.Server.Pages.Account;

/// <summary>
/// Citizen self-registration. Whether or not the address already had an account, the citizen is sent to sign in
/// with the same words, so the page does not tell anyone which addresses are registered.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.RateLimits.SignIn)]
internal sealed class RegisterModel(AccountService accounts, PasswordLinks links, PortalText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? FullName { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

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
        // a link to their mailbox instead of being told forever that the address is taken. The page says the same
        // words as for any other address.
        if (await links.IsUnclaimedAsync(Email.Trim()))
        {
            await links.SendAsync(Email.Trim(), $"{Request.Scheme}://{Request.Host}{Request.PathBase}", HttpContext.RequestAborted);
            return SignInNext();
        }

        var errors = await accounts.RegisterPubliclyAsync(Email.Trim(), FullName.Trim(), password);
        if (errors.Count > 0)
        {
            Errors = [.. errors.Select(e => e.Description).Distinct(StringComparer.Ordinal)];
            return Page();
        }

        return SignInNext();
    }

    /// <summary>Not signed in here: that would tell whoever typed the address that it had no account yet.</summary>
    private RedirectToPageResult SignInNext() =>
        RedirectToPage("/Account/Login", new { registered = true, returnUrl = !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
}
