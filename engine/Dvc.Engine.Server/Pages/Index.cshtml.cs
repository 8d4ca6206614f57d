using Dvc.Engine.Server.Catalog;
using Dvc.Engine.Server.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dvc.Engine.Server.Pages;

internal sealed class IndexModel(ProcedureCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    public IReadOnlyList<ProcedureSummary> Procedures { get; private set; } = [];

    public IReadOnlyList<(string Code, LocalizedString Name)> Agencies { get; private set; } = [];

    public void OnGet()
    {
        Agencies = catalog.Agencies();
        Procedures = catalog.Search(new CatalogQuery(Q, Agency, Level));
    }
}
