using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Dossiers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dvc.Engine.Server.Pages.Dossiers;

[Authorize(Policy = DvcPolicies.SignedIn)]
internal sealed class MineModel(DossierService dossiers) : PageModel
{
    public IReadOnlyList<DossierListItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await dossiers.ListMineAsync(Viewer.From(User), ct);
}
