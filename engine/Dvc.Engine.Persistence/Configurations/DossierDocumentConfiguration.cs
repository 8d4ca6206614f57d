using Dvc.Engine.Persistence.Dossiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dvc.Engine.Persistence.Configurations;

internal sealed class DossierDocumentConfiguration : IEntityTypeConfiguration<DossierDocument>
{
    public void Configure(EntityTypeBuilder<DossierDocument> builder)
    {
        builder.ToTable("DossierDocuments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Kind).HasMaxLength(32).IsRequired();
        builder.Property(d => d.TitleVi).HasMaxLength(255).IsRequired();
        builder.Property(d => d.TitleEn).HasMaxLength(255).IsRequired();
        builder.Property(d => d.FileName).HasMaxLength(255).IsRequired();
        builder.Property(d => d.ContentType).HasMaxLength(127).IsRequired();
        builder.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(d => d.StorageKey).HasMaxLength(512).IsRequired();
        builder.Property(d => d.VerificationCode).HasMaxLength(32);
        builder.HasIndex(d => d.DossierId);
        builder.HasIndex(d => d.VerificationCode).IsUnique();
        builder.HasOne<Dossier>().WithMany().HasForeignKey(d => d.DossierId).OnDelete(DeleteBehavior.Restrict);
    }
}
