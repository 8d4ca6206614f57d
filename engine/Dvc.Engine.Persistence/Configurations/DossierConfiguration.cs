using Dvc.Engine.Persistence.Dossiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dvc.Engine.Persistence.Configurations;

internal sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<Dossier> builder)
    {
        builder.ToTable("Dossiers");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Code).HasMaxLength(32).IsRequired();
        builder.Property(d => d.ProcedureCode).HasMaxLength(64).IsRequired();
        builder.Property(d => d.AgencyCode).HasMaxLength(64).IsRequired();
        builder.Property(d => d.ApplicantUserId).HasMaxLength(450);
        builder.Property(d => d.ApplicantName).HasMaxLength(200).IsRequired();
        builder.Property(d => d.ApplicantCitizenId).HasMaxLength(12);
        builder.Property(d => d.SubmittedByUserId).HasMaxLength(450);
        builder.Property(d => d.DataJson).IsRequired();
        builder.Property(d => d.Status).HasMaxLength(64).IsRequired();
        builder.Property(d => d.PausedWorkingDays).HasPrecision(9, 6);
        builder.Property(d => d.ResultFileKey).HasMaxLength(512);
        builder.Property(d => d.LastEventHash).HasMaxLength(64);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => d.Code).IsUnique();
        builder.HasIndex(d => d.ApplicantUserId);
        // A verified citizen's dossiers are found by their ID number and by who filed them, across accounts.
        builder.HasIndex(d => d.ApplicantCitizenId);
        builder.HasIndex(d => d.SubmittedByUserId);
        builder.HasIndex(d => new { d.AgencyCode, d.Status });
        builder.HasIndex(d => d.DueAt);
        builder.HasOne(d => d.ProcedureVersion).WithMany().HasForeignKey(d => d.ProcedureVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Attachments).WithOne().HasForeignKey(a => a.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}
