using Dvc.Engine.Persistence.Procedures;
using Microsoft.EntityFrameworkCore;

namespace Dvc.Engine.Persistence.Tests.Procedures;

public abstract class ProcedureVersionStoreTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static ProcedureImport Bundle(string code, string version, bool publish = true) =>
        new(code, version, $$"""{"code":"{{code}}","version":"{{version}}"}""", "importer", publish);

    [Fact]
    public async Task Importing_the_same_content_twice_returns_the_first_version()
    {
        await using var scope = database.Scope();
        var store = scope.Get<ProcedureVersionStore>();

        var first = await store.ImportAsync(Bundle("HN-TP-001", "1.0.0"), CancellationToken.None);
        var second = await store.ImportAsync(Bundle("HN-TP-001", "1.0.0"), CancellationToken.None);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Version.Id, second.Version.Id);
        Assert.Single(await store.ListVersionsAsync("HN-TP-001", CancellationToken.None));
    }

    [Fact]
    public async Task Nodes_importing_the_same_content_at_once_store_it_once()
    {
        var imports = Enumerable.Range(0, 6).Select(async _ =>
        {
            await using var scope = database.Scope();
            return await scope.Get<ProcedureVersionStore>().ImportAsync(Bundle("HN-TP-002", "1.0.0"), CancellationToken.None);
        });

        var results = await Task.WhenAll(imports);

        Assert.Single(results.Select(r => r.Version.Id).Distinct());
        Assert.Single(results, r => r.Created);
    }

    [Fact]
    public async Task The_content_hash_is_the_SHA_256_of_the_bundle()
    {
        await using var scope = database.Scope();
        var import = Bundle("HN-TP-001", "1.0.0");

        var result = await scope.Get<ProcedureVersionStore>().ImportAsync(import, CancellationToken.None);

        Assert.Equal(64, result.Version.ContentHash.Length);
        Assert.Equal(ProcedureVersionStore.ComputeContentHash(import.BundleJson), result.Version.ContentHash);
    }

    [Fact]
    public async Task The_latest_published_version_is_the_last_one_published()
    {
        await using var scope = database.Scope();
        var store = scope.Get<ProcedureVersionStore>();
        await store.ImportAsync(Bundle("HN-TP-001", "1.0.0"), CancellationToken.None);
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await store.ImportAsync(Bundle("HN-TP-001", "1.1.0"), CancellationToken.None);
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        await store.ImportAsync(Bundle("HN-TP-001", "2.0.0", publish: false), CancellationToken.None);

        var latest = await store.GetLatestPublishedAsync("HN-TP-001", CancellationToken.None);

        Assert.Equal(second.Version.Id, latest!.Id);
        Assert.Contains("1.1.0", latest.BundleJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_a_draft_makes_it_the_latest()
    {
        await using var scope = database.Scope();
        var store = scope.Get<ProcedureVersionStore>();
        await store.ImportAsync(Bundle("HN-TP-001", "1.0.0"), CancellationToken.None);
        var draft = await store.ImportAsync(Bundle("HN-TP-001", "2.0.0", publish: false), CancellationToken.None);
        database.Clock.Advance(TimeSpan.FromMinutes(5));

        var published = await store.PublishAsync(draft.Version.Id, "admin", CancellationToken.None);
        var again = await store.PublishAsync(draft.Version.Id, "admin", CancellationToken.None);

        Assert.True(published);
        Assert.False(again);
        Assert.Equal(draft.Version.Id, (await store.GetLatestPublishedAsync("HN-TP-001", CancellationToken.None))!.Id);
    }

    [Fact]
    public async Task The_catalog_lists_one_latest_version_per_procedure()
    {
        await using var scope = database.Scope();
        var store = scope.Get<ProcedureVersionStore>();
        await store.ImportAsync(Bundle("HN-TP-001", "1.0.0"), CancellationToken.None);
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        await store.ImportAsync(Bundle("HN-TP-001", "1.1.0"), CancellationToken.None);
        await store.ImportAsync(Bundle("HN-YT-007", "1.0.0"), CancellationToken.None);
        await store.ImportAsync(Bundle("HN-XD-003", "0.1.0", publish: false), CancellationToken.None);

        var catalog = await store.ListLatestPublishedAsync(CancellationToken.None);

        Assert.Equal("HN-TP-001 1.1.0, HN-YT-007 1.0.0", string.Join(", ", catalog.Select(v => $"{v.ProcedureCode} {v.AuthorVersion}")));
    }

    [Fact]
    public async Task The_content_of_a_stored_version_cannot_be_edited()
    {
        var versionId = await database.SeedProcedureAsync();
        await using var scope = database.Scope();
        var db = scope.Get<DvcDbContext>();
        var version = await db.ProcedureVersions.SingleAsync(v => v.Id == versionId);

        version.BundleJson = "{}";

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Open_dossiers_are_counted_per_version()
    {
        var versionId = await database.SeedProcedureAsync("HN-TP-001");
        await database.SeedDossierAsync(versionId);
        await database.SeedDossierAsync(versionId);
        await using var scope = database.Scope();

        var counts = await scope.Get<ProcedureVersionStore>().CountOpenDossiersByVersionAsync("HN-TP-001", CancellationToken.None);

        Assert.Equal(2, counts[versionId]);
    }
}

public sealed class ProcedureVersionStoreOnSqliteTests() : ProcedureVersionStoreTests(DatabaseProvider.Sqlite);

public sealed class ProcedureVersionStoreOnPostgresTests() : ProcedureVersionStoreTests(DatabaseProvider.Postgres);
