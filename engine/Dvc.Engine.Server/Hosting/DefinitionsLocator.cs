namespace Dvc.Engine.Server.Hosting;

/// <summary>
/// Finds the definitions folder: the configured path, else the first <c>definitions/</c> folder that holds a
/// <c>procedures/</c> folder walking up from the content root (so <c>dotnet run --project engine/Dvc.Engine.Server</c>
/// finds the repository's folder without configuration).
/// </summary>
internal static class DefinitionsLocator
{
    public static string? Locate(string configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured, contentRoot);
            return Directory.Exists(full) ? full : null;
        }

        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "definitions");
            if (Directory.Exists(Path.Combine(candidate, "procedures")))
            {
                return candidate;
            }
        }

        return null;
    }
}
