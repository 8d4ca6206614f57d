using System.Text.Json.Nodes;

namespace Dvc.Engine.Sdk;

/// <summary>
/// What an activity asks for when it has to wait for something outside the workflow: an officer's decision,
/// a payment callback, a citizen's supplement, a timer or a named event.
/// </summary>
/// <param name="Name">The stimulus kind, normally the activity type (<c>Dvc.HumanTask</c>) or <c>Event</c>.</param>
/// <param name="Key">What a matching stimulus must carry, e.g. the event name; null when any stimulus of the kind matches.</param>
/// <param name="Payload">Data shown to whoever answers the bookmark (task title, amount to pay, …).</param>
/// <param name="DueAt">When a timer should resume the bookmark by itself; null for no timer.</param>
public sealed record BookmarkRequest(string Name, string? Key = null, JsonObject? Payload = null, DateTimeOffset? DueAt = null);
