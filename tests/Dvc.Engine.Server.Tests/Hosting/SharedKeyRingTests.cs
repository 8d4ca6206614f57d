using System.Net;
using System.Net.Http.Json;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Hosting;

/// <summary>
/// Nodes behind a load balancer share nothing but the database: a sign-in cookie issued by one node must be read by
/// another, so the Data Protection key ring lives in the database, not in a node's folder.
/// </summary>
public sealed class SharedKeyRingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dvc-server-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_cookie_issued_by_one_node_signs_the_citizen_in_on_another_with_its_own_folder()
    {
        var database = Path.Combine(_folder, "shared.db");
        await using var nodeA = new DvcServerFactory(Path.Combine(_folder, "a"), DvcServerFactory.RepositoryDefinitions(), database: database);
        _ = nodeA.Services;
        await using var nodeB = new DvcServerFactory(Path.Combine(_folder, "b"), DvcServerFactory.RepositoryDefinitions(), database: database);
        var email = $"keys-{Guid.NewGuid():N}@test.local";
        await nodeA.NewCitizenAsync(email);
        using var noCookies = nodeA.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var signIn = await noCookies.PostAsJsonAsync("/api/v1/session", new { email, password = "MatKhau@2026" });
        signIn.EnsureSuccessStatusCode();
        var cookies = signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/dossiers");
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        var onB = await nodeB.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
