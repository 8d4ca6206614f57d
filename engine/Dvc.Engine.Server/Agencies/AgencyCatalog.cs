using Dvc.Engine.Core.Agencies;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Persistence.Agencies;
using Dvc.Engine.Server.Forms;

namespace Dvc.Engine.Server.Agencies;

/// <summary>
/// The agencies as the database holds them (imported with the catalog), for names, the hierarchy and the lists
/// officers and administrators pick from. Readers get an immutable snapshot; a reload swaps it whole.
/// </summary>
internal sealed class AgencyCatalog(IServiceScopeFactory scopes)
{
    private volatile AgencyDirectory _directory = AgencyDirectory.Empty;

    public AgencyDirectory Directory => _directory;

    /// <summary>Stores the catalog's agency list (new and changed agencies; none is ever deleted), then reloads.</summary>
    public async Task ImportAsync(AgencyDirectory agencies, CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var records = agencies.All.Select(a => new AgencyRecord(
                a.Code, a.Name.Vi, a.Name.En, a.Parent, a.IsGroup, a.Unit?.Version, a.Unit?.Id, a.ValidFrom, a.ValidTo)).ToList();
            await scope.ServiceProvider.GetRequiredService<AgencyStore>().ImportAsync(records, ct);
        }

        await ReloadAsync(ct);
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var records = await scope.ServiceProvider.GetRequiredService<AgencyStore>().ListAsync(ct);
        _directory = new AgencyDirectory(records.Select(r => new AgencyDefinition(
            r.Code,
            new LocalizedText(r.NameVi, r.NameEn),
            r.ParentCode,
            r.UnitVersion is { } version && r.UnitId is { } id ? new AgencyUnit(version, id) : null,
            r.ValidFrom,
            r.ValidTo,
            r.IsGroup)));
    }

    public AgencyDefinition? Find(string? code) => _directory.Find(code);

    /// <summary>The agency's name, or <paramref name="fallback"/> (else the code) for one the list does not know.</summary>
    public LocalizedString Name(string code, LocalizedString? fallback = null) =>
        Find(code) is { } agency ? new LocalizedString(agency.Name.Vi, agency.Name.En) : fallback ?? new LocalizedString(code, null);

    /// <summary>Agencies that can hold officers today (not groups, not ended), by Vietnamese name.</summary>
    public IReadOnlyList<AgencyDefinition> Handling(DateOnly today) =>
        [.. _directory.All.Where(a => !a.IsGroup && a.IsValidOn(today)).OrderBy(a => a.Name.Vi, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), System.Globalization.CompareOptions.None))];
}
