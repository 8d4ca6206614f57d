namespace Dvc.Engine.Persistence.Dossiers;

/// <summary>
/// One line of a dossier's audit log. Append-only: <see cref="DvcDbContext"/> refuses to update or delete it, and
/// (dossier, sequence) is unique so two writers can never interleave the order. Outside EF Core nothing stops a
/// plain SQL UPDATE or DELETE, so each event also carries <see cref="Hash"/>, chained to the previous event's, and
/// the dossier keeps the last link: <see cref="DossierAuditChain"/> finds the first event that no longer fits.
/// </summary>
public sealed class DossierEvent
{
    public Guid Id { get; set; }

    public Guid DossierId { get; set; }

    /// <summary>1, 2, 3… per dossier, without gaps.</summary>
    public long Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>User id, or "system" / a plugin id for automatic steps.</summary>
    public string Actor { get; set; } = string.Empty;

    /// <summary>What happened: Submitted, StatusChanged, ClockPaused, DeadlineExtended, Overdue…</summary>
    public string Kind { get; set; } = string.Empty;

    public string? DataJson { get; set; }

    /// <summary>Why, in the actor's words (a rejection reason, the supplement request…).</summary>
    public string? Reason { get; set; }

    /// <summary>SHA-256 (hex) of this event's content and the previous event's hash (<see cref="DossierAuditChain.Hash"/>).</summary>
    public string Hash { get; set; } = string.Empty;
}
