using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Catalog;
using Dvc.Engine.Server.Forms;
using Dvc.Engine.Server.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dvc.Engine.Server.Pages.Admin;

/// <summary>
/// Officer accounts of an agency. An agency admin manages their own agency only; a system admin chooses the agency.
/// The processing roles offered are those the agency's procedures declare.
/// </summary>
[Authorize(Policy = DvcPolicies.AgencyAdmin)]
internal sealed class OfficersModel(AccountService accounts, ProcedureCatalog catalog, Agencies.AgencyCatalog agencies, PortalText text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    public bool CanChooseAgency => Viewer.From(User).IsSystemAdmin;

    public IReadOnlyList<StaffAccount> Staff { get; private set; } = [];

    public IReadOnlyList<(string Code, LocalizedString Name)> Agencies { get; private set; } = [];

    public IReadOnlyList<ProcedureRole> Roles { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? Message { get; private set; }

    public string RoleName(string id) => Roles.FirstOrDefault(r => r.Id == id)?.Name.Current ?? id;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(string? email, string? fullName, string? password, string? role, string[]? taskRoles)
    {
        await LoadAsync();
        if (Agency is null || (!agencies.Directory.IsEmpty && agencies.Find(Agency) is null or { IsGroup: true }))
        {
            Errors = [text["admin.agencyRequired"]];
            return Page();
        }

        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(fullName) || string.IsNullOrEmpty(password))
        {
            Errors = [text["account.invalid"]];
            return Page();
        }

        var systemRole = role == DvcRoles.AgencyAdmin ? DvcRoles.AgencyAdmin : DvcRoles.Officer;
        var result = await accounts.CreateStaffAsync(email.Trim(), fullName.Trim(), password, systemRole, Agency, taskRoles ?? []);
        if (!result.Succeeded)
        {
            Errors = [.. result.Errors.Select(e => e.Description)];
            return Page();
        }

        Message = text.Format("admin.created", email.Trim());
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var viewer = Viewer.From(User);
        Agencies = [.. agencies.Handling(Core.Calendar.WorkingCalendar.ToLocalDate(clock.GetUtcNow())).Select(a => (a.Code, new LocalizedString(a.Name.Vi, a.Name.En)))];
        Agency = viewer.IsSystemAdmin ? Agency ?? (Agencies.Count > 0 ? Agencies[0].Code : null) : viewer.AgencyCode;
        Staff = Agency is null ? [] : await accounts.ListStaffAsync(Agency);
        Roles = [.. (Agency is null ? [] : catalog.Reaching(Agency))
            .Select(s => catalog.Find(s.Code))
            .OfType<ProcedureInfo>()
            .SelectMany(p => p.Roles)
            .DistinctBy(r => r.Id)
            .OrderBy(r => r.Name.Vi, StringComparer.Ordinal)];
    }
}
