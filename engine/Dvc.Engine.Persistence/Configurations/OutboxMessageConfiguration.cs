using Dvc.Engine.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dvc.Engine.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Kind).HasMaxLength(128).IsRequired();
        builder.Property(m => m.PayloadJson).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(4000);
        builder.Property(m => m.LeaseOwner).HasMaxLength(256);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Property(m => m.OrderingKey).HasMaxLength(200);
        builder.HasIndex(m => new { m.DeliveredAt, m.DeadLetteredAt, m.NextAttemptAt });
        builder.HasIndex(m => new { m.OrderingKey, m.Sequence });
    }
}
