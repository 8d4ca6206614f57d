namespace Dvc.Engine.Persistence.Plugins;

/// <summary>
/// A plugin's own record (a payment transaction, a shipment), unique by kind and key. Plugins see it through the SDK's
/// <c>IPluginRecords</c>; saves are optimistic on <see cref="Version"/>.
/// </summary>
public sealed class PluginRecordEntity
{
    public Guid Id { get; set; }

    public string Kind { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    public string? DossierCode { get; set; }

    public string Status { get; set; } = string.Empty;

    public string DataJson { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}
