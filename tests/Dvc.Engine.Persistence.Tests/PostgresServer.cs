using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Dvc.Engine.Persistence.Tests;

/// <summary>
/// A private PostgreSQL for the test run: <c>initdb</c> in a temporary folder, <c>pg_ctl start</c> on a free loopback
/// port, one fresh database per test class (<see cref="CreateDatabaseAsync"/>), and <c>pg_ctl stop</c> when the test
/// process exits. Started on first use, so a run that filters PostgreSQL out never starts it. Needs Debian's
/// <c>postgresql</c> package (<c>.ci/run</c> installs it); initdb refuses root, so as root it runs as <c>postgres</c>.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Started = new(StartAsync);

    private readonly string binaries;
    private readonly string folder;

    private PostgresServer(string binaries, string folder, int port)
    {
        this.binaries = binaries;
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The run's server, started on first call.</summary>
    public static Task<PostgresServer> SharedAsync() => Started.Value;

    /// <summary>A connection string to the server's maintenance database, for creating and dropping others.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=dvc;Include Error Detail=true;Maximum Pool Size=30";

    /// <summary>An empty database of its own, so test classes run in parallel without seeing each other's rows.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"dvc_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return name;
    }

    public async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(name)));
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var binaries = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL is not installed: the PostgreSQL tests need initdb and pg_ctl (Debian: apt-get install postgresql; .ci/run does it).");
        var folder = Directory.CreateTempSubdirectory("dvc-postgres-").FullName;
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        if (runAs is not null)
        {
            await RunAsync("chown", ["-R", runAs, folder], null);
        }

        var port = FreePort();
        var server = new PostgresServer(binaries, folder, port);
        var data = Path.Combine(folder, "data");
        await RunAsync(Path.Combine(binaries, "initdb"), ["-D", data, "-U", "dvc", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "-N"], runAs);

        // Durability is not under test: fsync and synchronous commits off keep the run fast on a shared machine.
        var options = string.Join(
            ' ',
            "-c listen_addresses=127.0.0.1",
            $"-p {port}",
            $"-k {folder}",
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400");
        await RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "120", "start"], runAs);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(runAs);
        return server;
    }

    private void Stop(string? runAs)
    {
        try
        {
            RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop"], runAs).GetAwaiter().GetResult();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>pg_ctl on the PATH, else Debian's newest <c>/usr/lib/postgresql/N/bin</c>.</summary>
    public static string? FindBinaries()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "initdb")));
        if (onPath is not null)
        {
            return onPath;
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(dir => Path.Combine(dir, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, string? runAs)
    {
        var start = new ProcessStartInfo(runAs is null ? program : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (runAs is not null)
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add(runAs);
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(program);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
