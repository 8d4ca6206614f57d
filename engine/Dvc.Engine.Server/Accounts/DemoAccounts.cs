using Dvc.Engine.Persistence.Identity;
using Microsoft.AspNetCore.Identity;

namespace Dvc.Engine.Server.Accounts;

/// <summary>
/// Development-only accounts so the portal can be tried at once: a citizen, one officer per agency of the catalog
/// (holding every task role), an agency admin and a system admin. Printed at start with their passwords.
/// </summary>
internal sealed class DemoAccounts(AccountService accounts, UserManager<DvcUser> users)
{
    public const string CitizenEmail = "congdan@dvc.local";
    public const string CitizenPassword = "CongDan@2026";
    public const string OfficerPassword = "CanBo@2026";
    public const string AdminEmail = "quantri@dvc.local";
    public const string AdminPassword = "QuanTri@2026";

    public static string OfficerEmail(string agencyCode) => $"canbo.{agencyCode.ToLowerInvariant()}@dvc.local";

    public static string AgencyAdminEmail(string agencyCode) => $"lanhdao.{agencyCode.ToLowerInvariant()}@dvc.local";

    public async Task<IReadOnlyList<DemoAccount>> EnsureAsync(IEnumerable<(string Code, string Name)> agencies)
    {
        var seeded = new List<DemoAccount>();
        await EnsureAsync(seeded, CitizenEmail, CitizenPassword, "Citizen", null,
            () => accounts.RegisterCitizenAsync(CitizenEmail, "Nguyễn Văn An", CitizenPassword));
        foreach (var (code, name) in agencies)
        {
            await EnsureAsync(seeded, OfficerEmail(code), OfficerPassword, "Officer", code,
                () => accounts.CreateStaffAsync(OfficerEmail(code), $"Cán bộ {name}", OfficerPassword, DvcRoles.Officer, code, [DvcClaims.AnyTaskRole]));
            await EnsureAsync(seeded, AgencyAdminEmail(code), OfficerPassword, "AgencyAdmin", code,
                () => accounts.CreateStaffAsync(AgencyAdminEmail(code), $"Lãnh đạo {name}", OfficerPassword, DvcRoles.AgencyAdmin, code, [DvcClaims.AnyTaskRole]));
        }

        await EnsureAsync(seeded, AdminEmail, AdminPassword, "SystemAdmin", null,
            () => accounts.CreateStaffAsync(AdminEmail, "Quản trị hệ thống", AdminPassword, DvcRoles.SystemAdmin, null, [DvcClaims.AnyTaskRole]));
        return seeded;
    }

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
