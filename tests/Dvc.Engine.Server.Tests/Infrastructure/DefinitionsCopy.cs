namespace Dvc.Engine.Server.Tests.Infrastructure;

/// <summary>
/// A private copy of the repository's definitions (and a data folder beside it) that a test may break, then serve with
/// <see cref="DvcServerFactory"/>. Deleted on dispose.
/// </summary>
public sealed class DefinitionsCopy : IDisposable
{
    public DefinitionsCopy()
    {
        Folder = Directory.CreateTempSubdirectory("dvc-definitions-").FullName;
        Root = Path.Combine(Folder, "definitions");
        var source = DvcServerFactory.RepositoryDefinitions();
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Holds <see cref="Root"/> and the server's data; other files a test needs may go here too.</summary>
    public string Folder { get; }

    /// <summary>The copied <c>definitions/</c> folder.</summary>
    public string Root { get; }

    /// <summary>A server on this copy; one data folder, so a second server is "the same server" restarted.</summary>
    public DvcServerFactory Server() => new(Path.Combine(Folder, "data"), Root);

    /// <summary>Replaces every occurrence of <paramref name="find"/> (which must occur) in a definitions file.</summary>
    public void Edit(string relative, string find, string replacement)
    {
        var path = Path.Combine(Root, relative);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(find, replacement, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
