using System.Data;
using Dvc.Engine.Persistence.Agencies;
using Dvc.Engine.Persistence.Configurations;
using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Persistence.Idempotency;
using Dvc.Engine.Persistence.Identity;
using Dvc.Engine.Persistence.Outbox;
using Dvc.Engine.Persistence.Plugins;
using Dvc.Engine.Persistence.Procedures;
using Dvc.Engine.Persistence.Tasks;
using Dvc.Engine.Persistence.Timers;
using Dvc.Engine.Persistence.Workflows;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dvc.Engine.Persistence;

/// <summary>
/// The engine's database: accounts (ASP.NET Core Identity) and everything a dossier needs.
/// Migrations: <c>dotnet tool run dotnet-ef migrations add &lt;Name&gt; -p engine/Dvc.Engine.Persistence -o Migrations/Sqlite</c>
/// (the design-time factory is <see cref="DesignTimeDbContextFactory"/>).
/// </summary>
public sealed class DvcDbContext(DbContextOptions<DvcDbContext> options) : IdentityDbContext<DvcUser>(options)
{
    private static readonly string[] ImmutableVersionColumns =
    [
        nameof(ProcedureVersion.ProcedureCode),
        nameof(ProcedureVersion.AuthorVersion),
        nameof(ProcedureVersion.ContentHash),
        nameof(ProcedureVersion.BundleJson),
    ];

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<ProcedureVersion> ProcedureVersions => Set<ProcedureVersion>();

    public DbSet<ProcedureDraft> ProcedureDrafts => Set<ProcedureDraft>();

    public DbSet<Dossier> Dossiers => Set<Dossier>();

    public DbSet<DossierAttachment> DossierAttachments => Set<DossierAttachment>();

    public DbSet<DossierEvent> DossierEvents => Set<DossierEvent>();

    public DbSet<Feedback> Feedback => Set<Feedback>();

    public DbSet<WorkflowInstance> WorkflowInstances => Set<WorkflowInstance>();

    public DbSet<Bookmark> Bookmarks => Set<Bookmark>();

    public DbSet<HumanTask> HumanTasks => Set<HumanTask>();

    public DbSet<WorkflowTimer> Timers => Set<WorkflowTimer>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<DossierDocument> DossierDocuments => Set<DossierDocument>();

    public DbSet<PluginRecordEntity> PluginRecords => Set<PluginRecordEntity>();

    /// <summary>
    /// The Identity table layout the migrations were generated with (128-character login and token keys).
    /// <see cref="ServiceCollectionExtensions.AddDvcPersistence"/> pins it after every other configuration: Identity
    /// reads it from <c>IdentityOptions.Stores.SchemaVersion</c> while building the model, so a host choosing another
    /// version would otherwise silently diverge from the migrations.
    /// </summary>
    public static readonly Version IdentitySchemaVersion = IdentitySchemaVersions.Version2;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// A transaction that takes the write lock at once. On SQLite that is <c>BEGIN IMMEDIATE</c>: a deferred
    /// transaction that reads first and then writes can fail with SQLITE_BUSY when another writer got in between,
    /// while an immediate one simply waits its turn.
    /// </summary>
    /// <remarks>Inside another write scope of this context the new scope joins it (see <see cref="WriteScope"/>).</remarks>
    public async Task<WriteScope> BeginWriteTransactionAsync(CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is not null)
        {
            return new WriteScope(null);
        }

        var transaction = Database.IsSqlite()
            ? await Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken)
            : await Database.BeginTransactionAsync(cancellationToken);
        return new WriteScope(transaction);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfiguration(new DvcUserConfiguration());
        builder.ApplyConfiguration(new AgencyConfiguration());
        builder.ApplyConfiguration(new ProcedureVersionConfiguration());
        builder.ApplyConfiguration(new ProcedureDraftConfiguration());
        builder.ApplyConfiguration(new DossierConfiguration());
        builder.ApplyConfiguration(new DossierAttachmentConfiguration());
        builder.ApplyConfiguration(new DossierEventConfiguration());
        builder.ApplyConfiguration(new FeedbackConfiguration());
        builder.ApplyConfiguration(new WorkflowInstanceConfiguration());
        builder.ApplyConfiguration(new BookmarkConfiguration());
        builder.ApplyConfiguration(new HumanTaskConfiguration());
        builder.ApplyConfiguration(new WorkflowTimerConfiguration());
        builder.ApplyConfiguration(new OutboxMessageConfiguration());
        builder.ApplyConfiguration(new IdempotencyRecordConfiguration());
        builder.ApplyConfiguration(new DossierDocumentConfiguration());
        builder.ApplyConfiguration(new PluginRecordConfiguration());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type and cannot compare or sort DateTimeOffset text; UTC ticks (an integer) keep
        // "due before now" and ORDER BY in the database. Values come back in UTC; show them with +07:00.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }

    private void PrepareSave()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is DossierEvent && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("Dossier events are append-only: an event cannot be changed or deleted.");
            }

            if (entry.Entity is ProcedureVersion && entry.State == EntityState.Modified
                && ImmutableVersionColumns.Any(column => entry.Property(column).IsModified))
            {
                throw new InvalidOperationException("A procedure version's content is immutable: import a new version instead.");
            }

            if (entry.Entity is IVersioned versioned && entry.State == EntityState.Modified)
            {
                versioned.Version++;
            }
        }
    }
}
