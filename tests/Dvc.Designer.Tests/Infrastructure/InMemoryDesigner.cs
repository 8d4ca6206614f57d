using System.Text.Json.Nodes;
using Dvc.Designer.Access;
using Dvc.Designer.Catalog;
using Dvc.Designer.Drafts;
using Dvc.Designer.Problems;
using Dvc.Engine.Core.Definitions;

namespace Dvc.Designer.Tests.Infrastructure;

/// <summary>
/// The designer's seams for component tests: drafts held in memory with the same revision rule as the database
/// store, and a checker that returns the diagnostics a test sets (the real compiler runs in the server's tests).
/// </summary>
internal sealed class InMemoryDesigner : IProcedureDrafts, IProcedureChecker
{
    private readonly Dictionary<string, DraftSnapshot> _drafts = new(StringComparer.Ordinal);

    public List<Diagnostic> Diagnostics { get; } = [];

    public int Saves { get; private set; }

    public void Put(string code, IReadOnlyDictionary<string, string> files, long revision = 1) =>
        _drafts[code] = new DraftSnapshot(code, revision, files, DateTimeOffset.UnixEpoch, "test", false);

    public DraftSnapshot Get(string code) => _drafts[code];

    public Task<IReadOnlyList<CatalogEntry>> ListAsync(DesignerUser user, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<CatalogEntry>>([]);

    public Task<IReadOnlyList<AgencyChoice>> AgenciesAsync(DesignerUser user, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<AgencyChoice>>([]);

    public Task<DraftOpen> OpenAsync(DesignerUser user, string code, CancellationToken cancellationToken) =>
        Task.FromResult(_drafts.TryGetValue(code, out var draft) ? new DraftOpen(DraftAccess.Ok, draft) : new DraftOpen(DraftAccess.NotFound, null));

    public Task<DraftSave> SaveAsync(DesignerUser user, string code, IReadOnlyDictionary<string, string> files, long expectedRevision, int errorCount, CancellationToken cancellationToken)
    {
        var stored = _drafts[code];
        if (stored.Revision != expectedRevision)
        {
            return Task.FromResult(new DraftSave(DraftAccess.Conflict, expectedRevision, stored));
        }

        Saves++;
        _drafts[code] = stored with { Revision = stored.Revision + 1, Files = new Dictionary<string, string>(files) };
        return Task.FromResult(new DraftSave(DraftAccess.Ok, stored.Revision + 1, null));
    }

    public Task<DraftCreate> CreateAsync(DesignerUser user, NewProcedure request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyDictionary<string, string>> SharedFragmentsAsync(CancellationToken cancellationToken) => Task.FromResult(Definitions.Shared.Files);

    public Task<CheckResult> CheckAsync(DesignerUser user, string code, IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken) =>
        Task.FromResult(new CheckResult([.. Diagnostics], Diagnostics.Any(d => d.IsError) ? null : "key", TimeSpan.FromMilliseconds(1)));

    public Task<TryResult> TryAsync(DesignerUser user, string code, IReadOnlyDictionary<string, string> files, JsonObject input, DateOnly submittedOn, string culture, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<TestOutcome>> RunTestsAsync(DesignerUser user, string code, IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TestOutcome>>([]);
}
