using Dvc.Engine.Persistence.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dvc.Engine.Persistence.Configurations;

internal sealed class DvcUserConfiguration : IEntityTypeConfiguration<DvcUser>
{
    public void Configure(EntityTypeBuilder<DvcUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.Property(u => u.CitizenId).HasMaxLength(12);
        builder.Property(u => u.AgencyCode).HasMaxLength(64);
        builder.Property(u => u.PreferredLanguage).HasMaxLength(8);
        builder.Property(u => u.VerifiedClaimsJson).HasMaxLength(4000);
        builder.HasIndex(u => u.CitizenId);
        builder.HasIndex(u => u.AgencyCode);
    }
}
