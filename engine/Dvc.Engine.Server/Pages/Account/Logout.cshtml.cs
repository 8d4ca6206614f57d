using System.Security.Claims;
using Dvc.Engine.Persistence.Identity;
using Dvc.Engine.Server.NationalIdentity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Dvc.Engine.Server.Pages.Account;

/// <summary>
/// POST only (with antiforgery), so a link elsewhere cannot sign a citizen out. A session opened with the national
/// identity is also ended at the provider, which then sends the browser back home.
/// </summary>
internal sealed class LogoutModel(SignInManager<DvcUser> signIn, IOptions<NationalIdentityOptions> options) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        var national = options.Value.Enabled && User.HasClaim(ClaimTypes.AuthenticationMethod, NationalIdentityOptions.Scheme);
        var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        await signIn.SignOutAsync();
        if (!national)
        {
            return LocalRedirect("/");
        }

        var properties = new AuthenticationProperties { RedirectUri = "/" };
        if (session.Properties?.Items.TryGetValue(NationalIdentitySetup.IdTokenHint, out var hint) == true)
        {
            properties.Items[NationalIdentitySetup.IdTokenHint] = hint;
        }

        return SignOut(properties, NationalIdentityOptions.Scheme);
    }
}
