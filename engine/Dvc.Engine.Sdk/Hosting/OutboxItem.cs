using System.Text.Json.Nodes;

namespace Dvc.Engine.Sdk.Hosting;

/// <summary>A message for later, at-least-once delivery by the <see cref="IOutboxDelivery"/> of its <see cref="Kind"/>.</summary>
/// <param name="Kind">The delivery kind, namespaced by the plugin (<c>notifications.email</c>).</param>
/// <param name="Payload">What the delivery needs.</param>
public sealed record OutboxItem(string Kind, JsonObject Payload)
{
    /// <summary>Not delivered before this moment; null for as soon as possible.</summary>
    public DateTimeOffset? NotBefore { get; init; }
}

/// <summary>A message as a delivery receives it.</summary>
/// <param name="Id">The message id (stable across retries: use it to make a delivery idempotent).</param>
/// <param name="Kind">The delivery kind.</param>
/// <param name="Payload">The payload. For a subscribed dossier event: <c>{ dossierCode, event: { sequence, kind, at, actor, data, reason } }</c>.</param>
/// <param name="Attempt">1 for the first attempt.</param>
/// <param name="CreatedAt">When it was written.</param>
public sealed record OutboxEnvelope(Guid Id, string Kind, JsonObject Payload, int Attempt, DateTimeOffset CreatedAt)
{
    /// <summary>The dossier event this message carries, when it came from a subscription (<see cref="IOutboxDelivery.DossierEvents"/>).</summary>
    public DossierEventData? DossierEvent => Payload["event"] is JsonObject e && Payload["dossierCode"]?.GetValue<string>() is { } code
        ? new DossierEventData(
            code,
            e["sequence"]?.GetValue<long>() ?? 0,
            e["kind"]?.GetValue<string>() ?? string.Empty,
            e["at"] is { } at ? DateTimeOffset.Parse(at.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : CreatedAt,
            e["actor"]?.GetValue<string>() ?? "system",
            e["data"] as JsonObject,
            e["reason"]?.GetValue<string>())
        : null;
}

/// <summary>One entry of a dossier's history, as a subscribed delivery receives it.</summary>
/// <param name="DossierCode">The dossier.</param>
/// <param name="Sequence">Its position in the dossier's history (1 = submitted).</param>
/// <param name="Kind">The event kind (<c>Submitted</c>, <c>StatusChanged</c>, <c>SupplementRequested</c>, <c>Overdue</c>…).</param>
/// <param name="At">When it happened.</param>
/// <param name="Actor">Who did it (a user id or <c>system</c>).</param>
/// <param name="Data">Its data (<c>StatusChanged</c>: <c>{ from, to }</c>).</param>
/// <param name="Reason">The reason given, if any (an officer's comment).</param>
public sealed record DossierEventData(string DossierCode, long Sequence, string Kind, DateTimeOffset At, string Actor, JsonObject? Data, string? Reason);
