using System.Data.Common;

namespace Dvc.Engine.Persistence;

/// <summary>
/// The one database setting (<c>Dvc:Database</c>) that the server and <c>dvc</c> both read: a SQLite file path
/// (<c>dvc.db</c>, relative to a base folder), a SQLite connection string (<c>Data Source=…</c>), or a PostgreSQL
/// connection string (<c>Host=…;Database=…;Username=…;Password=…</c>). The provider follows from the form, so
/// moving a server onto PostgreSQL is one setting and nothing else.
/// </summary>
public static class DatabaseSetting
{
    /// <summary>The connection string for <paramref name="setting"/>; a bare file path becomes SQLite's, under <paramref name="baseDirectory"/>.</summary>
    public static string ToConnectionString(string setting, string baseDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(setting);
        if (setting.Contains('=', StringComparison.Ordinal))
        {
            return setting;
        }

        var file = Path.GetFullPath(setting, baseDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        return $"Data Source={file}";
    }

    /// <summary>PostgreSQL when the connection string names a host (Npgsql's <c>Host</c> or <c>Server</c>); otherwise SQLite.</summary>
    public static DatabaseProvider ProviderOf(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return builder.ContainsKey("Host") || builder.ContainsKey("Server") ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
    }
}
