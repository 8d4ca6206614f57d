using Dvc.Engine.Persistence.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dvc.Engine.Persistence.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("Agencies");
        builder.HasKey(a => a.Code);
        builder.Property(a => a.Code).HasMaxLength(64);
        builder.Property(a => a.NameVi).HasMaxLength(300).IsRequired();
        builder.Property(a => a.NameEn).HasMaxLength(300).IsRequired();
        builder.Property(a => a.ParentCode).HasMaxLength(64);
        builder.Property(a => a.UnitVersion).HasMaxLength(64);
        builder.Property(a => a.UnitId).HasMaxLength(128);
        builder.HasIndex(a => a.ParentCode);
        builder.HasIndex(a => new { a.UnitVersion, a.UnitId });
    }
}
