using System.Security.Claims;
using Dvc.Engine.Persistence.Identity;
using Dvc.Engine.Server.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dvc.Engine.Server.Pages.Account;

/// <summary>Return from single sign-on: sign in the linked account, or link (or create) a citizen account by e-mail.</summary>
internal sealed class ExternalModel(SignInManager<DvcUser> signIn, UserManager<DvcUser> users, AccountService accounts) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var target = !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return Page();
        }

        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (result.Succeeded)
        {
            return LocalRedirect(target);
        }

        var email = info.Principal.FindFirstValue(ClaimTypes.Email);
        if (string.IsNullOrEmpty(email))
        {
            return Page();
        }

        var user = await accounts.EnsureCitizenAsync(email, info.Principal.FindFirstValue(ClaimTypes.Name) ?? email);
        await users.AddLoginAsync(user, info);
        await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
        return LocalRedirect(target);
    }
}
