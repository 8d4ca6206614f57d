using Dvc.Engine.Persistence.Procedures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dvc.Engine.Persistence.Configurations;

internal sealed class ProcedureVersionConfiguration : IEntityTypeConfiguration<ProcedureVersion>
{
    public void Configure(EntityTypeBuilder<ProcedureVersion> builder)
    {
        builder.ToTable("ProcedureVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.ProcedureCode).HasMaxLength(64).IsRequired();
        builder.Property(v => v.AuthorVersion).HasMaxLength(64).IsRequired();
        builder.Property(v => v.ContentHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(v => v.BundleJson).IsRequired();
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.ImportedBy).HasMaxLength(256);
        builder.Property(v => v.PublishedBy).HasMaxLength(256);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasIndex(v => v.ContentHash).IsUnique();
        builder.HasIndex(v => new { v.ProcedureCode, v.Status, v.PublishedAt });
    }
}
