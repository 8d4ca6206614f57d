using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Regressions;

/// <summary>
/// Issue 13, §5: the README's run command honours <c>ASPNETCORE_URLS</c> (the launch profile's URL used to override
/// it), and a restart without changes does not claim to have imported every procedure again. These start the
/// real server as a process, as a person does (<c>dotnet run --no-build</c>, the build being the test run's).
/// </summary>
public sealed partial class Issue13_RunCommandTests : IDisposable
{
    private static readonly string ServerProject = Path.GetFullPath(Path.Combine(DvcServerFactory.RepositoryDefinitions(), "..", "engine", "Dvc.Engine.Server"));

    /// <summary>Debug or Release, as this test assembly was built.</summary>
    private static readonly string Configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dvc-server-tests", "run-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary><c>-- --urls</c> always won over the profile (command line beats environment); the environment variable did not.</summary>
    [Fact]
    public async Task The_run_command_listens_where_ASPNETCORE_URLS_says()
    {
        var address = $"http://127.0.0.1:{FreePort()}";

        using var server = Start(["run", "--project", ServerProject, "--no-build", "-c", Configuration], new() { ["ASPNETCORE_URLS"] = address });

        Assert.True(await server.AnswersHealthAsync(new Uri(address)), $"Nothing answered on {address}:\n{server.Output}");
    }

    [Fact]
    public async Task A_restart_without_changes_says_the_procedures_are_unchanged()
    {
        var dll = Path.Combine(ServerProject, "bin", Configuration, "net10.0", "Dvc.Engine.Server.dll");
        string[] arguments = [dll, "--urls", "http://127.0.0.1:0"];

        string first, second;
        using (var server = Start(arguments, []))
        {
            first = await server.WaitForLineAsync(ImportLine());
        }

        using (var server = Start(arguments, []))
        {
            second = await server.WaitForLineAsync(ImportLine());
        }

        var before = ImportLine().Match(first);
        var after = ImportLine().Match(second);
        Assert.Equal((before.Groups["served"].Value, "0"), (before.Groups["created"].Value, before.Groups["unchanged"].Value));
        Assert.Equal(("0", before.Groups["served"].Value), (after.Groups["created"].Value, after.Groups["unchanged"].Value));
    }

    [GeneratedRegex(@"Serving (?<served>\d+) procedure\(s\) from .+: (?<created>\d+) new or changed version\(s\) stored, (?<unchanged>\d+) unchanged")]
    private static partial Regex ImportLine();

    private ServerRun Start(IEnumerable<string> arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = ServerProject, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Dvc__Database"] = Path.Combine(_folder, "dvc.db");
        start.Environment["Dvc__Files__Root"] = Path.Combine(_folder, "files");
        start.Environment["Dvc__DefinitionsPath"] = DvcServerFactory.RepositoryDefinitions();
        start.Environment["Dvc__Background__Enabled"] = "false";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new ServerRun(Process.Start(start) ?? throw new InvalidOperationException("Could not start the server."));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A started server process: its output so far, and stopped (with the whole process tree) on dispose.</summary>
    private sealed class ServerRun : IDisposable
    {
        private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(3);

        private readonly Process _process;
        private readonly StringBuilder _output = new();

        public ServerRun(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) => Append(e.Data);
            _process.ErrorDataReceived += (_, e) => Append(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public async Task<bool> AnswersHealthAsync(Uri address)
        {
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow + StartLimit;
            while (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                try
                {
                    if ((await http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                    {
                        return true;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet.
                }

                await Task.Delay(250);
            }

            return false;
        }

        public async Task<string> WaitForLineAsync(Regex pattern)
        {
            var deadline = DateTime.UtcNow + StartLimit;
            while (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                if (Output.Split('\n').FirstOrDefault(pattern.IsMatch) is { } line)
                {
                    return line;
                }

                await Task.Delay(250);
            }

            throw new InvalidOperationException($"The server never printed /{pattern}/:\n{Output}");
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }

            _process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is not null)
            {
                lock (_output)
                {
                    _output.AppendLine(line);
                }
            }
        }
    }
}
