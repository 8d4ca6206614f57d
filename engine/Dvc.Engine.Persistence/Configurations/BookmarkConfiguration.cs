using Dvc.Engine.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dvc.Engine.Persistence.Configurations;

internal sealed class BookmarkConfiguration : IEntityTypeConfiguration<Bookmark>
{
    public void Configure(EntityTypeBuilder<Bookmark> builder)
    {
        builder.ToTable("Bookmarks");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.ActivityId).HasMaxLength(128).IsRequired();
        builder.Property(b => b.Name).HasMaxLength(128).IsRequired();
        builder.Property(b => b.Hash).HasMaxLength(128).IsRequired();
        builder.Property(b => b.ConsumedBy).HasMaxLength(256);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasIndex(b => new { b.Name, b.Hash, b.ConsumedAt });
        builder.HasIndex(b => b.InstanceId);
        builder.HasOne<WorkflowInstance>().WithMany().HasForeignKey(b => b.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
