using Dvc.Engine.Persistence.Identity;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Dvc.Engine.Server.Pages.Account;

/// <summary>Password sign-in with lockout; optional single sign-on button when OpenID Connect is configured.</summary>
internal sealed class LoginModel(SignInManager<DvcUser> signIn, PortalText text, IOptions<OpenIdConnectLoginOptions> oidc) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public string? Error { get; private set; }

    /// <summary>Arrived from the password link: the new password was set.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Reset { get; set; }

    public string? ExternalName => oidc.Value.Enabled ? oidc.Value.DisplayName : null;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? password, bool remember)
    {
        if (!string.IsNullOrWhiteSpace(Email) && !string.IsNullOrEmpty(password))
        {
            var result = await signIn.PasswordSignInAsync(Email.Trim(), password, remember, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return LocalRedirect(await LandingAsync(Email.Trim()));
            }

            Error = result.IsLockedOut ? text["account.locked"] : text["account.invalid"];
            return Page();
        }

        Error = text["account.invalid"];
        return Page();
    }

    public IActionResult OnPostExternal()
    {
        if (!oidc.Value.Enabled)
        {
            return NotFound();
        }

        var properties = signIn.ConfigureExternalAuthenticationProperties(OpenIdConnectLoginOptions.Scheme, Url.Page("/Account/External", new { returnUrl = SafeReturnUrl() }));
        return Challenge(properties, OpenIdConnectLoginOptions.Scheme);
    }

    /// <summary>Where the page asked to return, else officers to their inbox and citizens to the portal's home.</summary>
    private async Task<string> LandingAsync(string email)
    {
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl))
        {
            return ReturnUrl;
        }

        var user = await signIn.UserManager.FindByEmailAsync(email);
        return user is not null && Viewer.From(await signIn.CreateUserPrincipalAsync(user)).IsStaff ? "/inbox" : "/";
    }

    private string SafeReturnUrl() => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
