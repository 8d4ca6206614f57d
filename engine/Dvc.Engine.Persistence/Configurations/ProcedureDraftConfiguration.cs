using Dvc.Engine.Persistence.Procedures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dvc.Engine.Persistence.Configurations;

internal sealed class ProcedureDraftConfiguration : IEntityTypeConfiguration<ProcedureDraft>
{
    public void Configure(EntityTypeBuilder<ProcedureDraft> builder)
    {
        builder.ToTable("ProcedureDrafts");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.ProcedureCode).HasMaxLength(64).IsRequired();
        builder.Property(d => d.AgencyCode).HasMaxLength(64).IsRequired();
        builder.Property(d => d.Name).HasMaxLength(512).IsRequired();
        builder.Property(d => d.FilesJson).IsRequired();
        builder.Property(d => d.UpdatedBy).HasMaxLength(256);
        builder.Property(d => d.Revision).IsConcurrencyToken();
        builder.HasIndex(d => d.ProcedureCode).IsUnique();
        builder.HasIndex(d => d.AgencyCode);
    }
}
