using Dvc.Engine.Persistence.Plugins;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dvc.Engine.Persistence.Configurations;

internal sealed class PluginRecordConfiguration : IEntityTypeConfiguration<PluginRecordEntity>
{
    public void Configure(EntityTypeBuilder<PluginRecordEntity> builder)
    {
        builder.ToTable("PluginRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasMaxLength(128).IsRequired();
        builder.Property(r => r.Key).HasMaxLength(200).IsRequired();
        builder.Property(r => r.DossierCode).HasMaxLength(32);
        builder.Property(r => r.Status).HasMaxLength(64).IsRequired();
        builder.Property(r => r.DataJson).IsRequired();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.Kind, r.Key }).IsUnique();
        builder.HasIndex(r => new { r.Kind, r.DossierCode });
    }
}
