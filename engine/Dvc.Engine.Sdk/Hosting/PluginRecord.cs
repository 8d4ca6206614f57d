using System.Text.Json.Nodes;

namespace Dvc.Engine.Sdk.Hosting;

/// <summary>
/// A plugin's own durable record in the host's database (a payment transaction, a shipment), unique by
/// <see cref="Kind"/> and <see cref="Key"/>. <see cref="Version"/> makes saves optimistic: 0 for a new record,
/// otherwise the version read, so two callbacks racing on one record cannot both win.
/// </summary>
/// <param name="Kind">Namespaced by the plugin: <c>payments.transaction</c>.</param>
/// <param name="Key">Unique within the kind: the transaction reference, the tracking code.</param>
/// <param name="DossierCode">The dossier it belongs to, if any.</param>
/// <param name="Status">A short state name the plugin defines (<c>Pending</c>, <c>Paid</c>).</param>
/// <param name="Data">Anything else, as JSON.</param>
public sealed record PluginRecord(string Kind, string Key, string? DossierCode, string Status, JsonObject Data)
{
    /// <summary>0 for a record not saved yet; the stored version otherwise.</summary>
    public long Version { get; init; }

    /// <summary>When it was first saved.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last saved.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
