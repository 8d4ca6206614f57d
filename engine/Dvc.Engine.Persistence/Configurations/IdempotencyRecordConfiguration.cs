using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Persistence.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dvc.Engine.Persistence.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.UserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.Key).HasMaxLength(IdempotencyStore.MaxKeyLength).IsRequired();
        builder.Property(r => r.Operation).HasMaxLength(32).IsRequired();
        builder.Property(r => r.RequestHash).HasMaxLength(64).IsRequired();
        // Unique: the database, not a lock in one process, decides which of two attempts with a key wins.
        builder.HasIndex(r => new { r.UserId, r.Key }).IsUnique();
        builder.HasOne<Dossier>().WithMany().HasForeignKey(r => r.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}
