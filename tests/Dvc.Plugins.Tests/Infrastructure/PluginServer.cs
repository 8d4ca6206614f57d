using System.Text.Json.Nodes;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Dvc.Engine.Server.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Dvc.Plugins.Tests.Infrastructure;

/// <summary>
/// The real server on Kestrel (a free loopback port, so peers can call it back), on a fresh SQLite file and file
/// store, serving the repository's definitions plus HN-TEST-PLUGINS: the shipped HN-GTVT-001 with its payment step
/// taken by the payments plugin, derived at start so it follows the shipped procedure. The clock is fixed at 02/03/2026 09:00 (Hanoi); the simulators share it.
/// </summary>
public sealed class PluginServer : WebApplicationFactory<Program>
{
    public const string FixtureProcedure = "HN-TEST-PLUGINS";
    public const string OfficerEmail = "canbo.hn-catp-csgt@dvc.local";
    public const string OfficerPassword = "CanBo@2026";
    public const string CitizenPassword = "MatKhau@2026";

    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dvc-plugin-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;

    public PluginServer(FakeTimeProvider clock, IReadOnlyDictionary<string, string?> settings)
    {
        Clock = clock;
        _settings = new Dictionary<string, string?>(settings);
        CopyDefinitions(Path.Combine(_folder, "definitions"));
        var port = FreePort();
        Address = new Uri($"http://127.0.0.1:{port}/");
        UseKestrel(port);
        StartServer();
    }

    public FakeTimeProvider Clock { get; }

    public Uri Address { get; }

    /// <summary>A client of the real server over HTTP, keeping its cookies and not following redirects.</summary>
    public HttpClient Browserless() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = Address };

    public async Task<HttpClient> CitizenAsync(string? email = null, string fullName = "Nguyễn Văn An")
    {
        var client = Browserless();
        email ??= $"cd-{Guid.NewGuid():N}@test.local";
        (await client.PostAsJsonAsync("/api/v1/accounts", new { email, fullName, password = CitizenPassword })).EnsureSuccessStatusCode();
        await SignInAsync(client, email, CitizenPassword);
        return client;
    }

    public async Task<HttpClient> OfficerAsync()
    {
        var client = Browserless();
        await SignInAsync(client, OfficerEmail, OfficerPassword);
        return client;
    }

    public static async Task SignInAsync(HttpClient client, string email, string password) =>
        (await client.PostAsJsonAsync("/api/v1/session", new { email, password })).EnsureSuccessStatusCode();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseUrls(Address.ToString());
        builder.UseEnvironment("Development");
        builder.UseSetting("Dvc:Database", Path.Combine(_folder, "dvc.db"));
        builder.UseSetting("Dvc:Files:Root", Path.Combine(_folder, "files"));
        builder.UseSetting("Dvc:DefinitionsPath", Path.Combine(_folder, "definitions"));
        TestHostDefaults.Apply(builder);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may hold the file a moment longer; the OS cleans its temp folder.
            }
        }
    }

    /// <summary>
    /// The repository's definitions in <paramref name="target"/>, plus HN-GTVT-001 copied as <see cref="FixtureProcedure"/>
    /// with its built-in payment request replaced by <c>Dvc.Payments.PayOnline</c> (2 working days to pay).
    /// </summary>
    private static void CopyDefinitions(string target)
    {
        var source = Repository.Definitions;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        var shipped = Path.Combine(target, "procedures", "HN-GTVT-001");
        var fixture = Path.Combine(target, "procedures", FixtureProcedure);
        Directory.CreateDirectory(fixture);
        foreach (var file in Directory.EnumerateFiles(shipped, "*", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}tests{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var to = Path.Combine(fixture, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(fixture, "procedure.json")))!;
        manifest["code"] = FixtureProcedure;
        File.WriteAllText(Path.Combine(fixture, "procedure.json"), manifest.ToJsonString());

        // The shipped procedure collects its fee through the shared collect-fee workflow; the fixture puts the
        // plugin's activity in that node's place, with a short deadline, and maps the shared workflow's outcomes
        // (Done, Cancelled) to the plugin's (Paid, Expired). A failed attempt leaves the request open: no Failed port.
        var workflow = JsonNode.Parse(File.ReadAllText(Path.Combine(fixture, "workflow.json")))!;
        var root = workflow["root"]!;
        var activities = root["activities"]!.AsArray();
        var collect = activities.Single(a => a!["workflowDefinitionId"]?.GetValue<string>() == "collect-fee")!;
        var id = collect["id"]!.GetValue<string>();
        activities[activities.IndexOf(collect)] = new JsonObject
        {
            ["id"] = id,
            ["nodeId"] = collect["nodeId"]!.GetValue<string>(),
            ["name"] = "Payment",
            ["type"] = "Dvc.Payments.PayOnline",
            ["version"] = 1,
            ["amount"] = Expression("Decimal", "JavaScript", "getInput(\"fee\")"),
            ["description"] = collect["description"]!.DeepClone(),
            ["days"] = Expression("Double", "Literal", 2),
            ["daysUnit"] = Expression("String", "Literal", "WorkingDays"),
            ["metadata"] = collect["metadata"]!.DeepClone(),
        };
        foreach (var connection in root["connections"]!.AsArray().Where(c => c!["source"]!["activity"]!.GetValue<string>() == id))
        {
            var from = connection!["source"]!;
            from["port"] = from["port"]!.GetValue<string>() == "Done" ? "Paid" : "Expired";
        }

        File.WriteAllText(Path.Combine(fixture, "workflow.json"), workflow.ToJsonString());
    }

    private static JsonObject Expression(string typeName, string type, JsonNode value) =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = type, ["value"] = value } };
}
