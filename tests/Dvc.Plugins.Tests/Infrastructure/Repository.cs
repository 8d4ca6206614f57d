namespace Dvc.Plugins.Tests.Infrastructure;

/// <summary>Paths in the repository, found from the test's output folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Definitions => Path.Combine(Root, "definitions");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dvc.Engine.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Dvc.Engine.sln was not found above " + AppContext.BaseDirectory);
    }
}
