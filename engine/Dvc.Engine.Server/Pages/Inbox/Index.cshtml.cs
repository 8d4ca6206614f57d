using System.Globalization;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Catalog;
using Dvc.Engine.Server.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dvc.Engine.Server.Pages.Inbox;

[Authorize(Policy = DvcPolicies.Staff)]
internal sealed class IndexModel(TaskInbox inbox, ProcedureCatalog catalog, Agencies.AgencyCatalog agencies) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Procedure { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? DueBefore { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    /// <summary>A dossier code, applicant name (with or without diacritics) or citizen ID.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public string? AgencyCode { get; private set; }

    public IReadOnlyList<TaskSummary> Tasks { get; private set; } = [];

    public IReadOnlyList<ProcedureSummary> Procedures { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = Viewer.From(User);
        AgencyCode = viewer.AgencyCode is { } code ? agencies.Name(code).Current : null;
        Procedures = viewer.IsSystemAdmin ? catalog.Search(new CatalogQuery()) : viewer.AgencyCode is { } agency ? catalog.Reaching(agency) : [];
        DateOnly? due = DateOnly.TryParseExact(DueBefore, ["dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        Tasks = await inbox.ListAsync(viewer, new TaskQuery(Procedure, Status, due, Overdue, Q), ct);
    }
}
