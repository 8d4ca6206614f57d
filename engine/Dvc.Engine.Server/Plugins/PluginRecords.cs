using System.Text.Json.Nodes;
using Dvc.Engine.Persistence.Plugins;
using Dvc.Engine.Sdk.Hosting;

namespace Dvc.Engine.Server.Plugins;

/// <summary>The SDK's <see cref="IPluginRecords"/> over the database's plugin records.</summary>
internal sealed class PluginRecords(PluginRecordStore store) : IPluginRecords
{
    public async Task<PluginRecord?> FindAsync(string kind, string key, CancellationToken cancellationToken) =>
        await store.FindAsync(kind, key, cancellationToken) is { } stored ? ToRecord(stored) : null;

    public async Task<IReadOnlyList<PluginRecord>> ListAsync(string kind, string dossierCode, CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(kind, dossierCode, cancellationToken)).Select(ToRecord)];

    public async Task<PluginRecord?> SaveAsync(PluginRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var saved = await store.SaveAsync(record.Kind, record.Key, record.DossierCode, record.Status, record.Data.ToJsonString(), record.Version, cancellationToken);
        return saved is null ? null : ToRecord(saved);
    }

    private static PluginRecord ToRecord(StoredPluginRecord r) =>
        new(r.Kind, r.Key, r.DossierCode, r.Status, JsonNode.Parse(r.DataJson) as JsonObject ?? [])
        {
            Version = r.Version,
            CreatedAt = r.CreatedAt,
            UpdatedAt = r.UpdatedAt,
        };
}
