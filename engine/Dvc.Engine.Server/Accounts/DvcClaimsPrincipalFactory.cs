using System.Security.Claims;
using Dvc.Engine.Persistence.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dvc.Engine.Server.Accounts;

/// <summary>Puts the account's full name and agency into the cookie so every request knows them without a query.</summary>
internal sealed class DvcClaimsPrincipalFactory(UserManager<DvcUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<DvcUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(DvcUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrEmpty(user.FullName))
        {
            identity.AddClaim(new Claim(DvcClaims.FullName, user.FullName));
        }

        if (!string.IsNullOrEmpty(user.AgencyCode) && !identity.HasClaim(c => c.Type == DvcClaims.Agency))
        {
            identity.AddClaim(new Claim(DvcClaims.Agency, user.AgencyCode));
        }

        if (user is { CitizenId: { } citizenId, IdentityVerifiedAt: not null })
        {
            identity.AddClaim(new Claim(DvcClaims.CitizenId, citizenId));
        }

        return identity;
    }
}
