using Dvc.Engine.Persistence.Timers;
using Dvc.Engine.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dvc.Engine.Persistence.Configurations;

internal sealed class WorkflowTimerConfiguration : IEntityTypeConfiguration<WorkflowTimer>
{
    public void Configure(EntityTypeBuilder<WorkflowTimer> builder)
    {
        builder.ToTable("Timers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.LeaseOwner).HasMaxLength(256);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.FiredAt, t.DueAt });
        builder.HasIndex(t => t.BookmarkId).IsUnique();
        builder.HasOne<Bookmark>().WithMany().HasForeignKey(t => t.BookmarkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WorkflowInstance>().WithMany().HasForeignKey(t => t.InstanceId).OnDelete(DeleteBehavior.Restrict);
    }
}
