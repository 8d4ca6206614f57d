namespace Dvc.Designer.Tests.Infrastructure;

/// <summary>The repository's definitions/ folder: the shipped procedures and shared fragments the tests read.</summary>
internal static class Definitions
{
    public static string Root { get; } = Find();

    public static SharedFiles Shared { get; } = new(Directory.EnumerateFiles(Path.Combine(Root, "shared"), "*.json")
        .ToDictionary(f => "shared/" + Path.GetFileName(f), File.ReadAllText));

    /// <summary>A shipped procedure's folder: path relative to the folder → text.</summary>
    public static IReadOnlyDictionary<string, string> Procedure(string code)
    {
        var folder = Path.Combine(Root, "procedures", code);
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText);
    }

    public static IEnumerable<string> Codes => Directory.EnumerateDirectories(Path.Combine(Root, "procedures")).Select(Path.GetFileName).OfType<string>().Order();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "definitions", "procedures")))
            {
                return Path.Combine(dir.FullName, "definitions");
            }
        }

        throw new InvalidOperationException("definitions/ was not found above " + AppContext.BaseDirectory);
    }
}

internal sealed class SharedFiles(IReadOnlyDictionary<string, string> files)
{
    public IReadOnlyDictionary<string, string> Files { get; } = files;

    public Dvc.Designer.Forms.SharedFragments Fragments => new(Files);
}
