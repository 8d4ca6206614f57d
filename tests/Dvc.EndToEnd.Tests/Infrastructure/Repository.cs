namespace Dvc.EndToEnd.Tests.Infrastructure;

/// <summary>Paths in the repository, found from the test's output folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Definitions => Path.Combine(Root, "definitions");

    public static string ServerProject => Path.Combine(Root, "engine", "Dvc.Engine.Server");

    /// <summary>The server built in the same configuration as this test (Debug or Release).</summary>
    public static string ServerAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent?.Name ?? "Debug";
            var path = Path.Combine(ServerProject, "bin", configuration, "net10.0", "Dvc.Engine.Server.dll");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"The server is not built at {path}; build the solution first.");
        }
    }

    public static string Screenshots
    {
        get
        {
            var path = Path.Combine(Root, "tests", "Dvc.EndToEnd.Tests", "TestResults", "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

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
