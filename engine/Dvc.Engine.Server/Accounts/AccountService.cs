using System.Security.Claims;
using Dvc.Engine.Persistence.Identity;
using Microsoft.AspNetCore.Identity;

namespace Dvc.Engine.Server.Accounts;

/// <summary>Creating accounts: citizen self-registration, staff (seeding, admin), citizens met at the counter.</summary>
internal sealed class AccountService(UserManager<DvcUser> users, RoleManager<IdentityRole> roles)
{
    public async Task<IdentityResult> RegisterCitizenAsync(string email, string fullName, string password)
    {
        var user = new DvcUser { UserName = email, Email = email, FullName = fullName, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        return created.Succeeded ? await AddRoleAsync(user, DvcRoles.Citizen) : created;
    }

    /// <summary>
    /// Self-registration as the public sees it: the password and the address's format are checked, and otherwise
    /// the answer is success — also when the address already has an account, which is then left as it was. So the
    /// answer (and its timing: a password is hashed either way) never tells whether an address is registered.
    /// </summary>
    public async Task<IReadOnlyList<IdentityError>> RegisterPubliclyAsync(string email, string fullName, string password)
    {
        var candidate = new DvcUser { UserName = email, Email = email, FullName = fullName };
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, candidate, password)).Errors);
        }

        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            errors.Add(users.ErrorDescriber.InvalidEmail(email));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            users.PasswordHasher.HashPassword(candidate, password);
            return [];
        }

        // Two registrations of one new address racing: the loser's "taken" is hidden like any other.
        var created = await RegisterCitizenAsync(email, fullName, password);
        return [.. created.Errors.Where(e => e.Code is not nameof(IdentityErrorDescriber.DuplicateEmail) and not nameof(IdentityErrorDescriber.DuplicateUserName))];
    }

    /// <summary>An officer, agency admin or system admin; <paramref name="taskRoles"/> are the procedure roles held ("*" = all).</summary>
    public async Task<IdentityResult> CreateStaffAsync(string email, string fullName, string password, string role, string? agencyCode, IEnumerable<string> taskRoles)
    {
        var user = new DvcUser { UserName = email, Email = email, FullName = fullName, AgencyCode = agencyCode, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }

        var withRole = await AddRoleAsync(user, role);
        if (!withRole.Succeeded)
        {
            return withRole;
        }

        var claims = taskRoles.Select(r => new Claim(DvcClaims.TaskRole, r)).ToList();
        if (agencyCode is not null)
        {
            claims.Add(new Claim(DvcClaims.Agency, agencyCode));
        }

        return claims.Count == 0 ? IdentityResult.Success : await users.AddClaimsAsync(user, claims);
    }

    /// <summary>
    /// The account an officer files into for a citizen: a new account without a password when the e-mail is unknown
    /// (the citizen takes it over later through "forgot password" or single sign-on), or such an account an officer
    /// made earlier that nobody has taken over yet. Null when the address belongs to someone who uses their account:
    /// filing into it would put a dossier in a stranger's name without their consent.
    /// </summary>
    public async Task<DvcUser?> AccountForAssistedSubmissionAsync(string email, string fullName)
    {
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            var unclaimed = !await users.HasPasswordAsync(existing) && (await users.GetLoginsAsync(existing)).Count == 0
                && (await users.GetRolesAsync(existing)).All(r => r == DvcRoles.Citizen);
            return unclaimed ? existing : null;
        }

        return await EnsureCitizenAsync(email, fullName);
    }

    /// <summary>The citizen account of an e-mail address, created without a password when there is none.</summary>
    public async Task<DvcUser> EnsureCitizenAsync(string email, string fullName)
    {
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            return existing;
        }

        var user = new DvcUser { UserName = email, Email = email, FullName = fullName };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Could not create the citizen account: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await AddRoleAsync(user, DvcRoles.Citizen);
        return user;
    }

    public async Task EnsureRolesAsync()
    {
        foreach (var role in DvcRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public Task<DvcUser?> FindByIdAsync(string id) => users.FindByIdAsync(id);

    /// <summary>Officers and agency admins of an agency with their roles and task roles.</summary>
    public async Task<IReadOnlyList<StaffAccount>> ListStaffAsync(string agencyCode)
    {
        var staff = new List<StaffAccount>();
        foreach (var user in users.Users.Where(u => u.AgencyCode == agencyCode).OrderBy(u => u.Email).ToList())
        {
            var roleNames = await users.GetRolesAsync(user);
            var claims = await users.GetClaimsAsync(user);
            staff.Add(new StaffAccount(
                user.Id,
                user.Email ?? "",
                user.FullName,
                roleNames.FirstOrDefault(r => r is DvcRoles.Officer or DvcRoles.AgencyAdmin) ?? roleNames.FirstOrDefault() ?? "",
                [.. claims.Where(c => c.Type == DvcClaims.TaskRole).Select(c => c.Value)],
                await users.IsLockedOutAsync(user)));
        }

        return staff;
    }

    private async Task<IdentityResult> AddRoleAsync(DvcUser user, string role)
    {
        if (!await roles.RoleExistsAsync(role))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        return await users.AddToRoleAsync(user, role);
    }
}
