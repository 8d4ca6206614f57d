using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dvc.Engine.Persistence;

/// <summary>Brings the database to the latest migration on start; safe to run on every start and on every node.</summary>
public sealed partial class DatabaseInitializer(DvcDbContext db, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:")
            {
                var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
                if (!string.IsNullOrEmpty(directory))
                {
                    Directory.CreateDirectory(directory);
                }
            }

            // WAL lets readers (inbox, portal) proceed while one writer commits; the setting is kept in the file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        if (pending.Count > 0)
        {
            LogMigrated(pending.Count, string.Join(", ", pending));
        }
        else
        {
            LogUpToDate();
        }

        // Logs written before the audit chain existed are chained once; every later event is chained as written.
        if (await Dossiers.DossierAuditChain.SealUnchainedAsync(db, cancellationToken) is > 0 and var sealedCount)
        {
            LogSealed(sealedCount);
        }
    }

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Audit chain: sealed the event logs of {Count} dossier(s) written before it existed.")]
    private partial void LogSealed(int count);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Database migrated: {Count} migration(s) applied ({Migrations}).")]
    private partial void LogMigrated(int count, string migrations);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Database schema is up to date.")]
    private partial void LogUpToDate();
}
