using Dvc.Engine.Persistence.Identity;
using Dvc.Engine.Server.Agencies;
using Dvc.Engine.Server.Catalog;
using Microsoft.AspNetCore.Identity;

namespace Dvc.Engine.Server.Accounts;

/// <summary>
/// Development-only accounts so the portal can be tried at once: a citizen, an officer (holding every task role) and
/// an agency admin for each agency the catalog hands work to by name, for each agency owning procedures and for a few
/// communes, and a system admin.
/// Printed at start with their passwords.
/// </summary>
internal sealed class DemoAccounts(AccountService accounts, UserManager<DvcUser> users, ProcedureCatalog catalog, AgencyCatalog agencies)
{
    /// <summary>
    /// The communes with demo officers: those the shipped test cases file in (Ba Đình, Hoàn Kiếm, Kim Liên) and a
    /// rural commune that receives HN-TP-002's verification hand-over (Vân Đình). Accounts for all 126 communes
    /// would bury the list; an administrator adds officers for the others.
    /// </summary>
    public static readonly string[] Communes = ["HN-P-BA-DINH", "HN-P-HOAN-KIEM", "HN-P-KIM-LIEN", "HN-X-VAN-DINH"];

    public const string CitizenEmail = "congdan@dvc.local";
    public const string CitizenPassword = "CongDan@2026";
    public const string OfficerPassword = "CanBo@2026";
    public const string AdminEmail = "quantri@dvc.local";
    public const string AdminPassword = "QuanTri@2026";

    public static string OfficerEmail(string agencyCode) => $"canbo.{agencyCode.ToLowerInvariant()}@dvc.local";

    public static string AgencyAdminEmail(string agencyCode) => $"lanhdao.{agencyCode.ToLowerInvariant()}@dvc.local";

    public async Task<IReadOnlyList<DemoAccount>> EnsureAsync()
    {
        var seeded = new List<DemoAccount>();
        await EnsureAsync(seeded, CitizenEmail, CitizenPassword, "Citizen", null,
            () => accounts.RegisterCitizenAsync(CitizenEmail, "Nguyễn Văn An", CitizenPassword));
        foreach (var code in Agencies())
        {
            var name = agencies.Name(code).Vi;
            await EnsureAsync(seeded, OfficerEmail(code), OfficerPassword, "Officer", code,
                () => accounts.CreateStaffAsync(OfficerEmail(code), $"Cán bộ {name}", OfficerPassword, DvcRoles.Officer, code, [DvcClaims.AnyTaskRole]));
            await EnsureAgencyAdminAsync(seeded, code);
        }

        // Each agency that owns procedures has an admin to design them, also a group such as the communes' People's
        // Committees (its admin designs what every commune runs; a group has no officers).
        foreach (var code in Owners().Except(Agencies(), StringComparer.OrdinalIgnoreCase))
        {
            await EnsureAgencyAdminAsync(seeded, code);
        }

        await EnsureAsync(seeded, AdminEmail, AdminPassword, "SystemAdmin", null,
            () => accounts.CreateStaffAsync(AdminEmail, "Quản trị hệ thống", AdminPassword, DvcRoles.SystemAdmin, null, [DvcClaims.AnyTaskRole]));
        return seeded;
    }

    /// <summary>The fixed agencies of the catalog's procedures and hand-over tasks, then the demo communes the list knows.</summary>
    private IEnumerable<string> Agencies()
    {
        var routings = catalog.Search(new CatalogQuery()).Select(p => catalog.Compiled(p.Code)?.Routing).OfType<Core.Agencies.ProcedureRouting>().ToList();
        var named = routings.Select(r => r.Handling.FixedCode)
            .Concat(routings.SelectMany(r => r.Tasks.Values.Select(t => t.Agency?.FixedCode)))
            .OfType<string>()
            .Order(StringComparer.Ordinal);
        return named.Concat(Communes.Where(c => agencies.Find(c) is not null)).Distinct(StringComparer.OrdinalIgnoreCase);
    }

    private Task EnsureAgencyAdminAsync(List<DemoAccount> seeded, string code) =>
        EnsureAsync(seeded, AgencyAdminEmail(code), OfficerPassword, "AgencyAdmin", code,
            () => accounts.CreateStaffAsync(AgencyAdminEmail(code), $"Lãnh đạo {agencies.Name(code).Vi}", OfficerPassword, DvcRoles.AgencyAdmin, code, [DvcClaims.AnyTaskRole]));

    /// <summary>The agencies named as the owner of a procedure of the catalog.</summary>
    private IEnumerable<string> Owners() =>
        catalog.Search(new CatalogQuery()).Select(p => p.AgencyCode).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);

    private async Task EnsureAsync(List<DemoAccount> seeded, string email, string password, string role, string? agency, Func<Task<IdentityResult>> create)
    {
        if (await users.FindByEmailAsync(email) is null)
        {
            var result = await create();
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {email}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }

        seeded.Add(new DemoAccount(email, password, role, agency));
    }
}
