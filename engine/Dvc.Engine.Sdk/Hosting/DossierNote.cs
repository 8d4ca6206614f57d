using System.Text.Json.Nodes;

namespace Dvc.Engine.Sdk.Hosting;

/// <summary>
/// An entry a plugin adds to a dossier's history (append-only, audited like the host's own). The citizen and the officers
/// read <see cref="Title"/> in their language and <see cref="Detail"/> under it; <see cref="Kind"/> and
/// <see cref="Data"/> are for programs (statistics, the notification centre, other plugins' subscriptions).
/// </summary>
/// <param name="Kind">A stable event kind, PascalCase (<c>PaymentFailed</c>, <c>ShipmentCreated</c>); <c>Notified</c> for a message sent to the citizen.</param>
/// <param name="Title">One line, e.g. "Đã gửi kết quả qua bưu chính".</param>
/// <param name="Detail">Details shown under it (a tracking code, a transaction reference), if any.</param>
/// <param name="Data">Machine data, if any.</param>
public sealed record DossierNote(string Kind, Bilingual Title, string? Detail = null, JsonObject? Data = null);
