using Microsoft.EntityFrameworkCore;

namespace Dvc.IdentityProvider;

/// <summary>OpenIddict's applications, authorizations and tokens (codes are single-use because they are stored).</summary>
internal sealed class ProviderDbContext(DbContextOptions<ProviderDbContext> options) : DbContext(options);
