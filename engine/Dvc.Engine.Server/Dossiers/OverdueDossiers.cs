using System.Globalization;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Server.Workflows;

namespace Dvc.Engine.Server.Dossiers;

/// <summary>
/// Issues the apology slip ("phiếu xin lỗi và hẹn lại ngày trả kết quả") for each dossier that just passed its
/// deadline: an <c>Overdue</c> event with the new date, which becomes the dossier's due date, once per dossier.
/// Paused dossiers are skipped (their clock is stopped while they wait for the citizen).
/// </summary>
internal sealed class OverdueDossiers(DossierStore store, OverdueDetector detector, TimeProvider clock)
{
    /// <summary>Working days promised from now when the agency has no better estimate of the work left.</summary>
    public const decimal RemainingWorkingDays = 1m;

    public async Task<int> IssueApologySlipsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var candidates = await store.ListOverdueCandidatesAsync(now, ct);
        var ids = candidates.ToDictionary(c => c.Code, c => c.Id, StringComparer.Ordinal);
        var slips = detector.DetectNewlyOverdue(
            candidates.Select(c => new DossierDeadline(c.Code, c.DueAt, RemainingWorkingDays, c.OverdueNotifiedAt, c.PausedAt)),
            now);

        var issued = 0;
        foreach (var slip in slips)
        {
            if (await store.GetAsync(ids[slip.DossierCode], ct) is not { } dossier)
            {
                continue;
            }

            var proposed = slip.ProposedDueAt.ToOffset(WorkingCalendar.UtcOffset).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            var data = new JsonObject
            {
                ["originalDueAt"] = slip.OriginalDueAt.ToString("O", CultureInfo.InvariantCulture),
                ["proposedDueAt"] = slip.ProposedDueAt.ToString("O", CultureInfo.InvariantCulture),
                ["overdueWorkingDays"] = slip.OverdueWorkingDays,
            };
            var result = await store.UpdateAsync(
                dossier.Id,
                dossier.Version,
                d =>
                {
                    // The slip's new date is the promise the agency now keeps: pages, the inbox and the national
                    // portal show it; statistics still count the dossier late (OverdueNotifiedAt).
                    d.OverdueNotifiedAt = now;
                    d.DueAt = slip.ProposedDueAt;
                },
                new NewDossierEvent("system", DossierEvents.Overdue, data.ToJsonString(), $"Cơ quan xin lỗi vì hồ sơ trễ hạn và hẹn trả kết quả ngày {proposed}."),
                ct);
            if (result.Outcome == DossierUpdateOutcome.Updated)
            {
                issued++;
            }
        }

        return issued;
    }
}
