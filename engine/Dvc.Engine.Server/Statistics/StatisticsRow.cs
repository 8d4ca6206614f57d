using Dvc.Engine.Server.Forms;

namespace Dvc.Engine.Server.Statistics;

/// <summary>
/// Received: submitted dossiers. Resolved: finished (approved, rejected, completed), split into on time (finished on or
/// before the due date) and late. Late also counts open dossiers already past their due date.
/// </summary>
internal sealed record StatisticsRow(string Key, LocalizedString Label, int Received, int Resolved, int OnTime, int Late, int InProgress, int Ratings = 0, decimal? AverageRating = null)
{
    /// <summary>On-time share of resolved dossiers, as Hanoi ranks agencies; null when nothing was resolved.</summary>
    public decimal? OnTimeRate => Resolved == 0 ? null : Math.Round(100m * OnTime / Resolved, 1);
}
