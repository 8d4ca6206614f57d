using Dvc.Engine.Server.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dvc.Engine.Server.Pages.Account;

/// <summary>"Quên mật khẩu": asks for the e-mail and sends a link to set a new password, whether or not it has an account.</summary>
internal sealed class ForgotModel(PasswordLinks links) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Email))
        {
            await links.SendAsync(Email, $"{Request.Scheme}://{Request.Host}{Request.PathBase}", ct);
            Sent = true;
        }

        return Page();
    }
}
