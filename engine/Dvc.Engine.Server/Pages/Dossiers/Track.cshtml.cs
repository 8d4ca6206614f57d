using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Dossiers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dvc.Engine.Server.Pages.Dossiers;

/// <summary>
/// "Tra cứu hồ sơ": the code and the applicant's citizen ID or phone number give status and progress (posted, so the
/// ID stays out of the address bar, and rate limited). The owner and the handling agency, signed in, need the code
/// only and get a link to the full view.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.RateLimits.Tracking)]
internal sealed class TrackModel(DossierService dossiers) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string? Applicant { get; set; }

    /// <summary>True once a look-up was made (so "not found" is said only after one).</summary>
    public bool Searched { get; private set; }

    public DossierView? Dossier { get; private set; }

    public void OnGet()
    {
        Code = string.IsNullOrWhiteSpace(Code) ? null : DossierCodes.Normalize(Code);
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        Code = string.IsNullOrWhiteSpace(Code) ? null : DossierCodes.Normalize(Code);
        if (Code is null)
        {
            return;
        }

        Searched = true;
        Dossier = await dossiers.FindAsync(Code, Viewer.From(User), ct) ?? await dossiers.TrackAsync(Code, Applicant, ct);
    }
}
