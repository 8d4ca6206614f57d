using System.Globalization;
using Dvc.Engine.Core.Calendar;

namespace Dvc.Engine.Core.Tests.Calendar;

public sealed class OverdueDetectorTests
{
    private readonly OverdueDetector detector = new(new WorkingCalendar());

    private static DateTimeOffset Hanoi(string local) =>
        new(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), WorkingCalendar.UtcOffset);

    [Fact]
    public void Only_dossiers_past_due_without_a_slip_and_not_paused_are_newly_overdue()
    {
        var now = Hanoi("2025-03-05 10:00");
        var deadlines = new[]
        {
            new DossierDeadline("HN-2025-0000003", Hanoi("2025-03-04 17:00"), 1m),
            new DossierDeadline("HN-2025-0000001", Hanoi("2025-03-03 17:00"), 2m),
            new DossierDeadline("HN-2025-0000002", Hanoi("2025-03-06 17:00"), 1m),
            new DossierDeadline("HN-2025-0000004", Hanoi("2025-03-03 17:00"), 1m, OverdueNotifiedAt: Hanoi("2025-03-04 08:00")),
            new DossierDeadline("HN-2025-0000005", Hanoi("2025-03-03 17:00"), 1m, PausedAt: Hanoi("2025-03-03 09:00")),
        };

        var slips = detector.DetectNewlyOverdue(deadlines, now);

        Assert.Equal("HN-2025-0000001,HN-2025-0000003", string.Join(",", slips.Select(s => s.DossierCode)));
    }

    [Fact]
    public void The_slip_proposes_now_plus_the_remaining_working_days()
    {
        var now = Hanoi("2025-04-29 10:00");

        var slip = Assert.Single(detector.DetectNewlyOverdue([new DossierDeadline("HN-2025-0000007", Hanoi("2025-04-28 17:00"), 2m)], now));

        Assert.Equal(Hanoi("2025-05-05 10:00"), slip.ProposedDueAt);
        Assert.Equal(Hanoi("2025-04-28 17:00"), slip.OriginalDueAt);
        Assert.Equal(0.25m, slip.OverdueWorkingDays);
        Assert.Equal(now, slip.IssuedAt);
    }

    [Fact]
    public void A_slip_never_proposes_a_date_that_has_already_come()
    {
        var now = Hanoi("2025-03-05 08:00");

        var slip = Assert.Single(detector.DetectNewlyOverdue([new DossierDeadline("HN-2025-0000008", Hanoi("2025-03-04 17:00"), 0m)], now));

        Assert.Equal(Hanoi("2025-03-05 12:00"), slip.ProposedDueAt);
    }

    [Fact]
    public void A_deadline_that_is_exactly_now_is_not_yet_overdue()
    {
        var now = Hanoi("2025-03-05 17:00");

        var slips = detector.DetectNewlyOverdue([new DossierDeadline("HN-2025-0000009", now, 1m)], now);

        Assert.Empty(slips);
    }
}
