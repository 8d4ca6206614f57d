using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dvc.Engine.Server.Tests.Infrastructure;

/// <summary>
/// The real server on a fresh SQLite file (or the PostgreSQL database it is given, see <see cref="PostgresServerFactory"/>)
/// and file store per test class, serving the repository's definitions.
/// The clock is fixed at 02/03/2026 09:00 (Hanoi) so date rules (birth registered within 60 days) do not drift.
/// </summary>
public sealed class DvcServerFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    private readonly string _folder;
    private readonly string _definitions;
    private readonly bool _ownsFolder;
    private readonly string? _database;

    public DvcServerFactory()
        : this(Path.Combine(Path.GetTempPath(), "dvc-server-tests", Guid.NewGuid().ToString("N")), RepositoryDefinitions(), ownsFolder: true)
    {
    }

    /// <summary>A server on an existing data folder and definitions (to restart "the same" server in a test).</summary>
    /// <param name="database">The <c>Dvc:Database</c> setting; null: a SQLite file in <paramref name="folder"/>.</param>
    internal DvcServerFactory(string folder, string definitions, bool ownsFolder = false, string? database = null)
    {
        _folder = folder;
        _definitions = definitions;
        _ownsFolder = ownsFolder;
        _database = database;
    }

    /// <summary>A fresh server (own database and files) with some settings changed, e.g. lower throttling limits.</summary>
    public static DvcServerFactory With(params (string Key, string Value)[] settings)
    {
        var factory = new DvcServerFactory();
        foreach (var (key, value) in settings)
        {
            factory.Settings[key] = value;
        }

        return factory;
    }

    /// <summary>A fresh data folder of its own on <paramref name="database"/>.</summary>
    internal static DvcServerFactory On(string database) =>
        new(Path.Combine(Path.GetTempPath(), "dvc-server-tests", Guid.NewGuid().ToString("N")), RepositoryDefinitions(), ownsFolder: true, database: database);

    public FakeTimeProvider Clock { get; } = new(Now);

    /// <summary>The server's SQLite file.</summary>
    public string DatabaseFile => Path.Combine(_folder, "dvc.db");

    /// <summary>The server's file store (Dvc:Files:Root).</summary>
    public string FilesRoot => Path.Combine(_folder, "files");

    /// <summary>Settings a test class adds (e.g. the national identity provider it started); set before the first client.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Dvc:Database", _database ?? DatabaseFile);
        builder.UseSetting("Dvc:Files:Root", FilesRoot);
        builder.UseSetting("Dvc:DefinitionsPath", _definitions);
        TestHostDefaults.Apply(builder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in as a new citizen registered through the API.</summary>
    public async Task<HttpClient> NewCitizenAsync(string? email = null)
    {
        var client = CreateBrowserlessClient();
        email ??= $"cd-{Guid.NewGuid():N}@test.local";
        (await client.PostAsJsonAsync("/api/v1/accounts", new { email, fullName = "Trần Thị Mai", password = "MatKhau@2026" })).EnsureSuccessStatusCode();
        await SignInAsync(client, email, "MatKhau@2026");
        return client;
    }

    /// <summary>A client signed in as the seeded demo officer of <paramref name="agencyCode"/>.</summary>
    public async Task<HttpClient> OfficerAsync(string agencyCode)
    {
        var client = CreateBrowserlessClient();
        await SignInAsync(client, $"canbo.{agencyCode.ToLowerInvariant()}@dvc.local", "CanBo@2026");
        return client;
    }

    public static async Task SignInAsync(HttpClient client, string email, string password)
    {
        var response = await client.PostAsJsonAsync("/api/v1/session", new { email, password });
        response.EnsureSuccessStatusCode();
    }

    public static string RepositoryDefinitions()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "definitions", "procedures");
            if (Directory.Exists(candidate))
            {
                return Path.Combine(dir.FullName, "definitions");
            }
        }

        throw new InvalidOperationException("The repository's definitions folder was not found above " + AppContext.BaseDirectory);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsFolder)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
            }
        }
    }
}
