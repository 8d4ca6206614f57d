namespace Dvc.Engine.Server.Hosting;

/// <summary>Turns the <c>Dvc:Database</c> setting into a SQLite connection string.</summary>
internal static class DatabaseConnection
{
    public static string ToConnectionString(string setting, string contentRoot)
    {
        if (setting.Contains('=', StringComparison.Ordinal))
        {
            return setting;
        }

        var file = Path.GetFullPath(setting, contentRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        return $"Data Source={file}";
    }
}
