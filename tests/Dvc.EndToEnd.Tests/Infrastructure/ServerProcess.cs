using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dvc.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real server, started as its own process on a free loopback port with a temporary SQLite file and file store,
/// serving the repository's definitions with the Development demo accounts (unless told not to seed them).
/// </summary>
public sealed class ServerProcess(bool seedDemoAccounts = true) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dvc-e2e", Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _output = new();
    private Process? _process;

    public Uri Address { get; private set; } = null!;

    /// <summary>The SQLite file the server writes (the same across restarts).</summary>
    public string DatabaseFile => Path.Combine(_folder, "dvc.db");

    /// <summary>How many times the process was started.</summary>
    public int Starts { get; private set; }

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

    // A bound, not a timing: a loaded 2-core CI machine can take minutes to start the first server.
    private const int StartDeadlineSeconds = 300;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Address = new Uri($"http://127.0.0.1:{FreePort()}");
        return StartAsync();
    }

    /// <summary>
    /// Ends the process at once with SIGKILL, as a crash or an OOM kill would: no shutdown hooks, no flush, open
    /// transactions simply stop. The data folder and the address stay for <see cref="StartAsync"/>.
    /// </summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts the server on the same data folder and address, and waits until it answers /health.</summary>
    public async Task StartAsync()
    {
        Starts++;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.ServerProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Repository.ServerAssembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(Address.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Dvc__Database"] = DatabaseFile;
        start.Environment["Dvc__Files__Root"] = Path.Combine(_folder, "files");
        start.Environment["Dvc__DefinitionsPath"] = Repository.Definitions;
        start.Environment["Dvc__SeedDemoAccounts"] = seedDemoAccounts ? "true" : "false";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        // The Development simulators bind fixed ports; a test that needs peers starts its own.
        start.Environment["Dvc__Simulator__Enabled"] = "false";
        start.Environment["Plugins__Payments__GatewayUrl"] = "";

        var process = _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(StartDeadlineSeconds);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // still starting
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The server did not become healthy within {StartDeadlineSeconds} s:\n{Output}");
    }

    public async Task DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // leave it to the OS temp cleanup
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
