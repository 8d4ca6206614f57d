using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Dossiers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dvc.Engine.Server.Pages.Dossiers;

/// <summary>"Tra cứu hồ sơ": anyone with the code sees status and progress; the owner also gets a link to the full view.</summary>
internal sealed class TrackModel(DossierService dossiers) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public DossierView? Dossier { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Code = Code?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(Code))
        {
            Dossier = await dossiers.FindAsync(Code, Viewer.From(User), ct) ?? await dossiers.TrackAsync(Code, ct);
        }
        else
        {
            Code = null;
        }
    }
}
