using Dvc.Engine.Server.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dvc.Engine.Server.Pages.Procedures;

internal sealed class DetailsModel(ProcedureCatalog catalog) : PageModel
{
    public ProcedureInfo Procedure { get; private set; } = null!;

    public IActionResult OnGet(string code)
    {
        if (catalog.Find(code) is not { } procedure)
        {
            return NotFound();
        }

        Procedure = procedure;
        return Page();
    }
}
