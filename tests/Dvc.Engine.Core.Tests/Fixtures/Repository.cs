using System.Runtime.CompilerServices;

namespace Dvc.Engine.Core.Tests.Fixtures;

/// <summary>Where the repository's own files are, seen from the test binaries: the shipped catalog and the sample plugin.</summary>
internal static class Repository
{
    /// <summary>The folder holding Dvc.Engine.sln, or null when the tests run outside a checkout.</summary>
    public static string? Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Dvc.Engine.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    /// <summary>The shipped <c>definitions/</c> folder.</summary>
    public static string Definitions() =>
        Path.Combine(Root() ?? throw new DirectoryNotFoundException("Dvc.Engine.sln not found above the test binaries."), "definitions");

    /// <summary>Copies SamplePlugin.dll (built beside the tests, not referenced) into <paramref name="folder"/>.</summary>
    public static void CopySamplePlugin(string folder, [CallerFilePath] string caller = "")
    {
        // The caller's source file sits under tests/; SamplePlugin builds to tests/SamplePlugin/bin/<Configuration>/net10.0.
        var tests = new DirectoryInfo(Path.GetDirectoryName(caller)!);
        while (tests.Name != "tests")
        {
            tests = tests.Parent ?? throw new DirectoryNotFoundException($"'{caller}' is not under tests/.");
        }

        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        File.Copy(Path.Combine(tests.FullName, "SamplePlugin", "bin", configuration, "net10.0", "SamplePlugin.dll"), Path.Combine(folder, "SamplePlugin.dll"));
    }
}
