using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Catalog;

/// <summary>
/// A dossier keeps the procedure version it was filed under, and the agency it was filed with, across a restart with
/// changed definitions.
/// </summary>
public sealed class PinnedVersionTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dvc-server-tests", Guid.NewGuid().ToString("N"));
    private readonly string _definitions;

    public PinnedVersionTests()
    {
        _definitions = Path.Combine(_folder, "definitions");
        Copy(DvcServerFactory.RepositoryDefinitions(), _definitions);
    }

    [Fact]
    public async Task A_dossier_filed_under_1_0_0_is_finished_with_1_0_0_after_2_0_0_is_published()
    {
        string code;
        using (var before = new DvcServerFactory(Path.Combine(_folder, "data"), _definitions))
        {
            code = await Submissions.SubmitBirthRegistrationAsync(await before.NewCitizenAsync());
        }

        var result = Path.Combine(_definitions, "procedures", "HN-TP-001", "templates", "result.sbn");
        File.WriteAllText(result, File.ReadAllText(result).Replace("TRÍCH LỤC KHAI SINH", "MẪU MỚI 2026", StringComparison.Ordinal));
        var manifest = Path.Combine(_definitions, "procedures", "HN-TP-001", "procedure.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"version\": \"1.0.0\"", "\"version\": \"2.0.0\"", StringComparison.Ordinal));

        using var after = new DvcServerFactory(Path.Combine(_folder, "data"), _definitions);
        var officer = await after.OfficerAsync("HN-P-BA-DINH");
        await Inbox.ApproveAllAsync(officer, code);
        var dossier = JsonNode.Parse(await officer.GetStringAsync($"/api/v1/dossiers/{code}"))!;
        var document = await (await officer.GetAsync($"/api/v1/dossiers/{code}/result")).Content.ReadAsStringAsync();
        var current = JsonNode.Parse(await officer.GetStringAsync("/api/v1/procedures/HN-TP-001"))!;
        var versions = JsonNode.Parse(await officer.GetStringAsync("/api/v1/procedures/HN-TP-001/versions"))!.AsArray();

        Assert.Equal("1.0.0", dossier["procedureVersion"]!.GetValue<string>());
        Assert.Contains("TRÍCH LỤC KHAI SINH", document, StringComparison.Ordinal);
        Assert.DoesNotContain("MẪU MỚI 2026", document, StringComparison.Ordinal);
        Assert.Equal("2.0.0", current["summary"]!["version"]!.GetValue<string>());
        Assert.Equal(2, versions.Count);
    }

    [Fact]
    public async Task A_dossier_in_flight_keeps_its_commune_after_the_units_are_reassigned()
    {
        string code;
        using (var before = new DvcServerFactory(Path.Combine(_folder, "data"), _definitions))
        {
            code = await Submissions.SubmitBirthRegistrationAsync(await before.NewCitizenAsync());
        }

        // A reorganisation is a data edit: Ngọc Hà's committee now serves the unit "Phường Ba Đình", and the other way round.
        var file = Path.Combine(_definitions, "shared", "agencies.json");
        var list = JsonNode.Parse(File.ReadAllText(file))!;
        list["agencies"]!["HN-P-BA-DINH"]!["unit"]!["id"] = "ngoc-ha";
        list["agencies"]!["HN-P-NGOC-HA"]!["unit"]!["id"] = "ba-dinh";
        File.WriteAllText(file, list.ToJsonString());

        using var after = new DvcServerFactory(Path.Combine(_folder, "data"), _definitions);
        var officer = await after.OfficerAsync("HN-P-BA-DINH");
        await Inbox.ApproveAllAsync(officer, code);
        var filed = JsonNode.Parse(await officer.GetStringAsync($"/api/v1/dossiers/{code}"))!;
        var citizen = await after.NewCitizenAsync();
        var fresh = await Submissions.SubmitBirthRegistrationAsync(citizen);

        Assert.Equal("HN-P-BA-DINH", filed["agencyCode"]!.GetValue<string>());
        Assert.True(filed["status"]!.GetValue<string>() is "Approved" or "Completed", filed["status"]!.GetValue<string>());
        Assert.Equal("HN-P-NGOC-HA", JsonNode.Parse(await citizen.GetStringAsync($"/api/v1/dossiers/{fresh}"))!["agencyCode"]!.GetValue<string>());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment.
        }
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
