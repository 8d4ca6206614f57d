using Dvc.Engine.Persistence.Dossiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dvc.Engine.Persistence.Configurations;

internal sealed class FeedbackConfiguration : IEntityTypeConfiguration<Feedback>
{
    public void Configure(EntityTypeBuilder<Feedback> builder)
    {
        builder.ToTable("Feedback", t => t.HasCheckConstraint("CK_Feedback_Rating", "\"Rating\" BETWEEN 1 AND 5"));
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Comment).HasMaxLength(4000);
        builder.Property(f => f.UserId).HasMaxLength(450);
        builder.HasIndex(f => f.DossierId).IsUnique();
        builder.HasOne<Dossier>().WithMany().HasForeignKey(f => f.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}
