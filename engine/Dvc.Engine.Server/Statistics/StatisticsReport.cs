using Dvc.Engine.Server.Forms;

namespace Dvc.Engine.Server.Statistics;

/// <summary>Public processing statistics, computed from dossier events (never typed in).</summary>
internal sealed record StatisticsReport(
    IReadOnlyList<StatisticsRow> ByAgency,
    IReadOnlyList<StatisticsRow> ByLevel,
    IReadOnlyList<StatisticsRow> ByMonth,
    StatisticsRow Total);
