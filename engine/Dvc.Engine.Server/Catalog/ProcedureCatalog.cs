using System.Globalization;
using System.Text;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Persistence.Procedures;
using Dvc.Engine.Server.Endpoints.Catalog;
using Dvc.Engine.Server.Forms;

namespace Dvc.Engine.Server.Catalog;

/// <summary>
/// The procedures the server serves, compiled once at import. Readers get an immutable snapshot, so a re-import
/// swaps the whole catalog at once. Versions are kept by id: a dossier keeps the version it was submitted under.
/// </summary>
internal sealed class ProcedureCatalog(FormSchemaReader forms, IServiceScopeFactory scopes)
{
    private volatile Snapshot _snapshot = Snapshot.Empty;

    /// <summary>Replaces the catalog with the given compiled procedures (the current version of each code).</summary>
    public void Publish(IEnumerable<(CompiledProcedure Procedure, Guid VersionId)> procedures)
    {
        var entries = procedures.Select(p => new Entry(p.Procedure, p.VersionId, ToInfo(p.Procedure))).ToList();
        var byVersion = new Dictionary<Guid, Entry>(_snapshot.ByVersion);
        foreach (var entry in entries)
        {
            byVersion[entry.VersionId] = entry;
        }

        _snapshot = new Snapshot(entries.ToDictionary(e => e.Procedure.Code, StringComparer.OrdinalIgnoreCase), byVersion);
    }

    /// <summary>
    /// Serves <paramref name="procedure"/> as the current version of its code at once (a publish or rollback from the
    /// designer); the other procedures and every pinned version are unchanged.
    /// </summary>
    public void PublishOne(CompiledProcedure procedure, Guid versionId)
    {
        var current = _snapshot;
        var entry = new Entry(procedure, versionId, ToInfo(procedure));
        var byCode = new Dictionary<string, Entry>(current.Current, StringComparer.OrdinalIgnoreCase) { [procedure.Code] = entry };
        var byVersion = new Dictionary<Guid, Entry>(current.ByVersion) { [versionId] = entry };
        _snapshot = new Snapshot(byCode, byVersion);
    }

    /// <summary>Adds an older version (restored from its bundle) for the dossiers pinned to it; the current set is unchanged.</summary>
    public void Pin(CompiledProcedure procedure, Guid versionId)
    {
        var current = _snapshot;
        var byVersion = new Dictionary<Guid, Entry>(current.ByVersion) { [versionId] = new Entry(procedure, versionId, ToInfo(procedure)) };
        _snapshot = current with { ByVersion = byVersion };
    }

    public bool Knows(Guid versionId) => _snapshot.ByVersion.ContainsKey(versionId);

    public int Count => _snapshot.Current.Count;

    public IReadOnlyList<ProcedureSummary> Search(CatalogQuery query)
    {
        var text = Fold(query.Text);
        return [.. _snapshot.Current.Values
            .Select(e => e.Info.Summary)
            .Where(s => string.IsNullOrEmpty(query.Agency) || string.Equals(s.AgencyCode, query.Agency, StringComparison.OrdinalIgnoreCase))
            .Where(s => string.IsNullOrEmpty(query.Level) || string.Equals(s.AdministrativeLevel, query.Level, StringComparison.OrdinalIgnoreCase))
            .Where(s => text.Length == 0
                || Fold(s.Name.Vi).Contains(text, StringComparison.Ordinal)
                || Fold(s.Name.En).Contains(text, StringComparison.Ordinal)
                || Fold(s.Code).Contains(text, StringComparison.Ordinal)
                || Fold(s.AgencyName.Vi).Contains(text, StringComparison.Ordinal))
            .OrderBy(s => s.Name.Vi, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), CompareOptions.None))];
    }

    public ProcedureInfo? Find(string code) => _snapshot.Current.TryGetValue(code, out var e) ? e.Info : null;

    /// <summary>The version a dossier was filed under when this server knows it, else the current one.</summary>
    public ProcedureInfo? Find(string code, string version) =>
        _snapshot.Current.TryGetValue(code, out var e) && e.Procedure.Version == version ? e.Info
        : _snapshot.ByVersion.Values.FirstOrDefault(v => v.Procedure.Code == code && v.Procedure.Version == version)?.Info ?? Find(code);

    public CompiledProcedure? Compiled(string code) => _snapshot.Current.TryGetValue(code, out var e) ? e.Procedure : null;

    public Guid? CurrentVersionId(string code) => _snapshot.Current.TryGetValue(code, out var e) ? e.VersionId : null;

    /// <summary>The compiled version a dossier is pinned to, falling back to the current one of its code.</summary>
    public CompiledProcedure? Compiled(Guid versionId, string code) =>
        _snapshot.ByVersion.TryGetValue(versionId, out var e) ? e.Procedure : Compiled(code);

    /// <summary>The procedures whose dossiers or hand-over steps can reach <paramref name="agencyCode"/> (its inbox filter, its officers' roles).</summary>
    public IReadOnlyList<ProcedureSummary> Reaching(string agencyCode) =>
        [.. Search(new CatalogQuery()).Where(s => _snapshot.Current.TryGetValue(s.Code, out var e) && e.Procedure.Routing.CanReach(agencyCode))];

    public IReadOnlyList<(string Code, LocalizedString Name)> Agencies() =>
        [.. _snapshot.Current.Values
            .Select(e => e.Info.Summary)
            .GroupBy(s => s.AgencyCode, StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.Key, g.First().AgencyName))
            .OrderBy(a => a.Item2.Vi, StringComparer.Ordinal)];

    public async Task<IReadOnlyList<ProcedureVersionDto>> ListVersionsAsync(string code, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ProcedureVersionStore>();
        var versions = await store.ListVersionsAsync(code, ct);
        if (versions.Count == 0)
        {
            return [];
        }

        var open = await store.CountOpenDossiersByVersionAsync(versions[0].ProcedureCode, ct);
        return [.. versions.Select(v => new ProcedureVersionDto(v.Id, v.AuthorVersion, v.ContentHash, v.Status.ToString(), v.ImportedAt, v.PublishedAt, open.GetValueOrDefault(v.Id)))];
    }

    /// <summary>What the portal's pages show about a compiled procedure (also for a draft the designer previews).</summary>
    public ProcedureInfo ToInfo(CompiledProcedure procedure)
    {
        var m = procedure.Manifest;
        var summary = new ProcedureSummary(
            m.Code, m.Version, L(m.Name), m.Agency.Code, L(m.Agency.Name), m.AdministrativeLevel, m.ServiceLevel, m.ProcessingDays);
        return new ProcedureInfo(
            summary,
            m.Description is null ? LocalizedString.Empty : L(m.Description),
            L(m.FeeDescription),
            m.FeeLegalBasis,
            [.. m.Attachments.Select(a => new AttachmentRequirement(a.Id, L(a.Name), a.Required, a.AcceptedTypes, a.MaxSizeMb, a.Copies))],
            m.ResultDelivery,
            m.LegalBasis,
            [.. m.Roles.Select(r => new ProcedureRole(r.Id, L(r.Name)))],
            forms.Read(procedure.Form.Schema),
            procedure.Form.Schema);
    }

    private static LocalizedString L(LocalizedText text) => new(text.Vi, text.En);

    /// <summary>Lower case without diacritics ("Đăng ký" → "dang ky") so citizens can search without Vietnamese input.</summary>
    internal static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Trim().ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private sealed record Entry(CompiledProcedure Procedure, Guid VersionId, ProcedureInfo Info);

    private sealed record Snapshot(IReadOnlyDictionary<string, Entry> Current, IReadOnlyDictionary<Guid, Entry> ByVersion)
    {
        public static readonly Snapshot Empty = new(new Dictionary<string, Entry>(), new Dictionary<Guid, Entry>());
    }
}
