using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.NationalIdentity;

/// <summary>
/// Issue 20, §5: a procedure declares <c>requiresVerifiedIdentity</c>; then only a citizen signed in with the national
/// identity files it online, a password account is told how to sign in instead, and local accounts keep every other
/// procedure. Runs on a copy of the repository's definitions with the birth registration declaring it.
/// </summary>
public sealed class VerifiedIdentityRequiredTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dvc-server-tests", "identity-" + Guid.NewGuid().ToString("N"));
    private IdentityProviderPeer _provider = null!;
    private DvcServerFactory _portal = null!;

    public async Task InitializeAsync()
    {
        var definitions = Path.Combine(_folder, "definitions");
        Copy(DvcServerFactory.RepositoryDefinitions(), definitions);
        var manifest = Path.Combine(definitions, "procedures", "HN-TP-001", "procedure.json");
        var json = JsonNode.Parse(await File.ReadAllTextAsync(manifest))!.AsObject();
        json["requiresVerifiedIdentity"] = true;
        await File.WriteAllTextAsync(manifest, json.ToJsonString());

        _provider = await IdentityProviderPeer.StartAsync();
        _portal = new DvcServerFactory(Path.Combine(_folder, "data"), definitions);
        _provider.Configure(_portal);
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _provider.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold its file for a moment; the temp folder is cleaned by the OS.
        }
    }

    [Fact]
    public async Task A_password_account_is_refused_online_and_shown_the_way_to_sign_in_with_the_national_identity()
    {
        using var citizen = await _portal.NewCitizenAsync();

        var response = await citizen.PostAsJsonAsync("/api/v1/dossiers", Submissions.BirthRegistration());
        var page = await citizen.GetStringAsync("/procedures/HN-TP-001/submit");
        var other = await citizen.GetStringAsync("/procedures/HN-TP-002/submit");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("định danh điện tử (VNeID)", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("id=\"identity-required\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"/applicant/fullName\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"identity-required\"", other, StringComparison.Ordinal);
        Assert.Contains("name=\"/applicant/fullName\"", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_citizen_signed_in_with_the_national_identity_files_it()
    {
        using var browser = new TwoSiteBrowser(_portal);
        await IdentityProviderPeer.SignInWithNewAccountAsync(browser, "vneid-binh");
        var data = Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json");
        var applicant = data["applicant"]!.AsObject();
        (applicant["fullName"], applicant["citizenId"], applicant["birthDate"], applicant["sex"]) = ("Trần Thị Bình", "001195006789", "1995-08-20", "nu");

        var response = await browser.PostJsonAsync("/api/v1/dossiers", Submissions.BirthRegistration(data));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
