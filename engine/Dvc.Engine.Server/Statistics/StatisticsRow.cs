using Dvc.Engine.Server.Forms;

namespace Dvc.Engine.Server.Statistics;

/// <summary>
/// Received: submitted dossiers, each either in progress or resolved. Resolved (approved, rejected, closed) splits into
/// on time (finished by the due date, with no apology slip) and late (finished after it): Received = InProgress +
/// OnTime + Late. <see cref="Overdue"/> counts the dossiers still in progress past their due date; they are not late
/// yet, as a dossier is judged when it finishes.
/// </summary>
internal sealed record StatisticsRow(
    string Key, LocalizedString Label, int Received, int Resolved, int OnTime, int Late, int InProgress, int Overdue, int Ratings = 0, decimal? AverageRating = null)
{
    /// <summary>On-time share of resolved dossiers, as Hanoi ranks agencies; null when nothing was resolved.</summary>
    public decimal? OnTimeRate => Resolved == 0 ? null : Math.Round(100m * OnTime / Resolved, 1);
}
