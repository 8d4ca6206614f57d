using Dvc.Engine.Persistence.Identity;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Localization;
using Dvc.Engine.Server.NationalIdentity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Dvc.Engine.Server.Pages.Account;

/// <summary>Password sign-in through <see cref="SignInGuard"/>; the national identity button when it is configured.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.RateLimits.SignIn)]
internal sealed class LoginModel(SignInManager<DvcUser> signIn, SignInGuard guard, PortalText text, IOptions<NationalIdentityOptions> oidc, IdentityLinking linking) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public string? Error { get; private set; }

    /// <summary>Coming from registration: say what to do next, the same whether the address was new or not.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Registered { get; set; }

    /// <summary>Arrived from the password link: the new password was set.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Reset { get; set; }

    public string? ExternalName => oidc.Value.Enabled ? oidc.Value.DisplayName : null;

    /// <summary>Why a sign-in with the national identity came back without a session: refused, expired or failed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? External { get; set; }

    public string? ExternalError => External is "refused" or "expired" or "failed" ? text["identity." + External] : null;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? password, bool remember)
    {
        switch (await guard.PasswordSignInAsync(HttpContext, Email, password, remember))
        {
            case SignInOutcome.Success:
                return LocalRedirect(await LandingAsync(Email!.Trim()));
            case SignInOutcome.Throttled throttled:
                Error = text.Format("problem.tooManyDetail", Math.Max(1, (int)Math.Ceiling(throttled.RetryAfter.TotalMinutes)));
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            default:
                Error = text["account.invalid"];
                return Page();
        }
    }

    public IActionResult OnPostExternal()
    {
        if (!oidc.Value.Enabled)
        {
            return NotFound();
        }

        return Challenge(linking.Challenge(SafeReturnUrl()), NationalIdentityOptions.Scheme);
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
