using System.Text.Json.Nodes;
using Dvc.Engine.Persistence.Dossiers;

namespace Dvc.Engine.Server.Dossiers;

/// <summary>A supplement the citizen sent: when, what it changed (old → new per field), the fee before and after, the note and files.</summary>
internal sealed record SupplementView(DateTimeOffset At, IReadOnlyList<FieldChange> Changes, long? FeeBefore, long? FeeAfter, string? Note, IReadOnlyList<string> Files)
{
    public bool FeeChanged => FeeBefore is not null && FeeAfter is not null && FeeBefore != FeeAfter;

    public static SupplementView From(DossierEventRecord e)
    {
        var data = e.DataJson is { } json ? JsonNode.Parse(json) as JsonObject : null;
        return new SupplementView(
            e.At,
            [.. (data?["changes"] as JsonArray ?? []).Select(FieldChange.FromJson).OfType<FieldChange>()],
            data?["feeBefore"]?.GetValue<long>(),
            data?["fee"]?.GetValue<long>(),
            e.Reason,
            [.. (data?["files"] as JsonArray ?? []).Select(f => f?.GetValue<string>()).OfType<string>()]);
    }
}
