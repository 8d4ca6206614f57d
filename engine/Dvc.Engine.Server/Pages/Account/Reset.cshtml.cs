using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dvc.Engine.Server.Pages.Account;

/// <summary>The page an e-mailed link opens: choose a new password (or the first one, for an account made at the counter).</summary>
internal sealed class ResetModel(PasswordLinks links, PortalText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IActionResult OnGet() => string.IsNullOrEmpty(Email) || string.IsNullOrEmpty(Token) ? Redirect("/account/forgot") : Page();

    public async Task<IActionResult> OnPostAsync(string? password, string? confirm)
    {
        if (string.IsNullOrEmpty(Email) || string.IsNullOrEmpty(Token) || string.IsNullOrEmpty(password))
        {
            Errors = [text["account.required"]];
            return Page();
        }

        if (password != confirm)
        {
            Errors = [text["account.mismatch"]];
            return Page();
        }

        var result = await links.ResetAsync(Email, Token, password);
        if (!result.Succeeded)
        {
            Errors = [.. result.Errors.Select(e => e.Code == "InvalidToken" ? text["reset.badLink"] : e.Description).Distinct(StringComparer.Ordinal)];
            return Page();
        }

        return Redirect("/account/login?reset=true");
    }
}
