using System.Linq.Expressions;
using Dvc.Engine.Core.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Dvc.Engine.Persistence.Dossiers;

/// <summary>Dossiers, their attachments, their append-only event log and feedback.</summary>
public sealed partial class DossierStore(DvcDbContext db, TimeProvider time)
{
    /// <summary>The actor written on events when nobody signed in acted.</summary>
    public const string AnonymousActor = "anonymous";

    private static readonly Expression<Func<Dossier, DossierRecord>> ToRecord = d => new DossierRecord(
        d.Id, d.Code, d.ProcedureVersionId, d.ProcedureCode, d.AgencyCode, d.ApplicantUserId, d.ApplicantName,
        d.ApplicantCitizenId, d.SubmittedByUserId, d.DataJson, d.Status, d.SubmittedAt, d.DueAt, d.PausedAt,
        d.PausedWorkingDays, d.OverdueNotifiedAt, d.CompletedAt, d.ResultText, d.ResultFileKey, d.FeeVnd, d.Version);

    private static readonly Expression<Func<Dossier, DossierSummary>> ToSummary = d => new DossierSummary(
        d.Id, d.Code, d.ProcedureCode, d.AgencyCode, d.ApplicantName, d.Status, d.SubmittedAt, d.DueAt, d.CompletedAt);

    /// <summary>
    /// Creates a dossier with its code, attachments and first event ("Submitted") in one transaction. The code is
    /// random (<see cref="DossierCodes"/>), so it tells nothing about other dossiers and no counter row is contended.
    /// Throws when the procedure version does not exist (a caller bug: versions are never deleted).
    /// </summary>
    public async Task<DossierRecord> CreateAsync(NewDossier request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var submittedAt = request.SubmittedAt ?? time.GetUtcNow();
        var year = WorkingCalendar.ToLocalDate(submittedAt).Year;

        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var procedureCode = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.Id == request.ProcedureVersionId)
            .Select(v => v.ProcedureCode)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Procedure version {request.ProcedureVersionId} does not exist.");

        var code = await NewCodeAsync(request.CodePrefix, year, cancellationToken);
        var dossier = new Dossier
        {
            Id = Guid.CreateVersion7(submittedAt),
            Code = code,
            ProcedureVersionId = request.ProcedureVersionId,
            ProcedureCode = procedureCode,
            AgencyCode = request.AgencyCode,
            ApplicantUserId = request.ApplicantUserId,
            ApplicantName = request.ApplicantName,
            ApplicantCitizenId = request.ApplicantCitizenId,
            SubmittedByUserId = request.SubmittedByUserId,
            DataJson = request.DataJson,
            Status = request.Status,
            SubmittedAt = submittedAt,
            DueAt = request.DueAt,
            FeeVnd = request.FeeVnd,
            Version = 1,
            Attachments = request.Attachments.Select(a => NewAttachmentEntity(Guid.Empty, a, submittedAt)).ToList(),
        };
        db.Dossiers.Add(dossier);
        var submitted = AddEvent(dossier.Id, 1, string.Empty, new NewDossierEvent(request.SubmittedByUserId ?? request.ApplicantUserId ?? AnonymousActor, "Submitted", request.SubmittedEventDataJson), submittedAt);
        dossier.LastEventSequence = 1;
        dossier.LastEventHash = submitted.Hash;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();

        return (await GetAsync(dossier.Id, cancellationToken))!;
    }

    public Task<DossierRecord?> GetAsync(Guid dossierId, CancellationToken cancellationToken) =>
        db.Dossiers.AsNoTracking().Where(d => d.Id == dossierId).Select(ToRecord).SingleOrDefaultAsync(cancellationToken);

    public Task<DossierRecord?> GetByCodeAsync(string code, CancellationToken cancellationToken) =>
        db.Dossiers.AsNoTracking().Where(d => d.Code == code).Select(ToRecord).SingleOrDefaultAsync(cancellationToken);

    /// <summary>A citizen's dossiers, newest first.</summary>
    /// <summary>
    /// A person's dossiers: those their account applied for or filed for someone else, and, for a verified citizen,
    /// every dossier whose applicant has their ID number (filed from another account, or at the counter).
    /// </summary>
    public async Task<IReadOnlyList<DossierSummary>> ListForPersonAsync(string userId, string? citizenId, int skip, int take, CancellationToken cancellationToken) =>
        await db.Dossiers.AsNoTracking()
            .Where(d => d.ApplicantUserId == userId || d.SubmittedByUserId == userId || (citizenId != null && d.ApplicantCitizenId == citizenId))
            .OrderByDescending(d => d.SubmittedAt)
            .Skip(skip).Take(take)
            .Select(ToSummary)
            .ToListAsync(cancellationToken);

    /// <summary>An agency's dossiers, optionally of one status, earliest deadline first (no deadline last).</summary>
    public async Task<IReadOnlyList<DossierSummary>> ListForAgencyAsync(string agencyCode, string? status, int skip, int take, CancellationToken cancellationToken) =>
        await db.Dossiers.AsNoTracking()
            .Where(d => d.AgencyCode == agencyCode && (status == null || d.Status == status))
            .OrderBy(d => d.DueAt == null)
            .ThenBy(d => d.DueAt)
            .ThenBy(d => d.SubmittedAt)
            .Skip(skip).Take(take)
            .Select(ToSummary)
            .ToListAsync(cancellationToken);

    /// <summary>Unfinished dossiers due before <paramref name="now"/> without an apology slip yet (feed for OverdueDetector).</summary>
    public async Task<IReadOnlyList<DossierDeadlineRow>> ListOverdueCandidatesAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Dossiers.AsNoTracking()
            .Where(d => d.CompletedAt == null && d.DueAt != null && d.DueAt < now && d.OverdueNotifiedAt == null)
            .OrderBy(d => d.DueAt)
            .Select(d => new DossierDeadlineRow(d.Id, d.Code, d.DueAt!.Value, d.PausedAt, d.OverdueNotifiedAt))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<DossierAttachmentRecord>> ListAttachmentsAsync(Guid dossierId, CancellationToken cancellationToken) =>
        await db.DossierAttachments.AsNoTracking()
            .Where(a => a.DossierId == dossierId)
            .OrderBy(a => a.UploadedAt).ThenBy(a => a.FileName)
            .Select(a => new DossierAttachmentRecord(a.Id, a.DossierId, a.AttachmentId, a.FileName, a.ContentType, a.SizeBytes, a.Sha256, a.StorageKey, a.UploadedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Adds an attachment (e.g. during a supplement). Throws when the dossier does not exist.</summary>
    public async Task<DossierAttachmentRecord> AddAttachmentAsync(Guid dossierId, NewAttachment attachment, CancellationToken cancellationToken)
    {
        var entity = NewAttachmentEntity(dossierId, attachment, time.GetUtcNow());
        db.DossierAttachments.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new DossierAttachmentRecord(entity.Id, entity.DossierId, entity.AttachmentId, entity.FileName, entity.ContentType, entity.SizeBytes, entity.Sha256, entity.StorageKey, entity.UploadedAt);
    }

    /// <summary>Appends an event with the next sequence number of the dossier's log.</summary>
    public async Task<DossierEventRecord> AppendEventAsync(Guid dossierId, NewDossierEvent newEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newEvent);
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var last = await LastLinkAsync(dossierId, cancellationToken);
        var entity = AddEvent(dossierId, last.Sequence + 1, last.Hash, newEvent, time.GetUtcNow());
        // The dossier's last link moves with its log; a direct UPDATE, so the dossier's version (what its editors
        // compare) does not change for an event that changes nothing else.
        await db.Dossiers.Where(d => d.Id == dossierId).ExecuteUpdateAsync(
            u => u.SetProperty(d => d.LastEventSequence, entity.Sequence).SetProperty(d => d.LastEventHash, entity.Hash),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return ToEventRecord(entity);
    }

    /// <summary>True when <paramref name="actor"/> wrote a <paramref name="kind"/> event on the dossier at or after <paramref name="since"/>.</summary>
    public Task<bool> HasEventSinceAsync(Guid dossierId, string kind, string actor, DateTimeOffset since, CancellationToken cancellationToken) =>
        db.DossierEvents.AsNoTracking().AnyAsync(e => e.DossierId == dossierId && e.Kind == kind && e.Actor == actor && e.At >= since, cancellationToken);

    /// <summary>The dossier's log in order.</summary>
    public async Task<IReadOnlyList<DossierEventRecord>> ListEventsAsync(Guid dossierId, CancellationToken cancellationToken) =>
        await db.DossierEvents.AsNoTracking()
            .Where(e => e.DossierId == dossierId)
            .OrderBy(e => e.Sequence)
            .Select(e => new DossierEventRecord(e.Id, e.DossierId, e.Sequence, e.At, e.Actor, e.Kind, e.DataJson, e.Reason))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Changes a dossier the caller read at <paramref name="expectedVersion"/> and, in the same transaction, appends
    /// the event that explains the change. <see cref="DossierUpdateOutcome.Conflict"/> when the dossier moved on
    /// meanwhile (version check plus the concurrency token, so it holds across nodes).
    /// </summary>
    public Task<DossierUpdateResult> UpdateAsync(
        Guid dossierId,
        long expectedVersion,
        Action<Dossier> change,
        NewDossierEvent? newEvent,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return UpdateCoreAsync(
            dossierId,
            expectedVersion,
            d =>
            {
                change(d);
                return newEvent is null ? [] : [newEvent];
            },
            cancellationToken);
    }

    /// <summary>
    /// Like <see cref="UpdateAsync(Guid, long, Action{Dossier}, NewDossierEvent?, CancellationToken)"/> when one change
    /// needs several events (a status change with the clock stopping and the request that stopped it), in order.
    /// </summary>
    public Task<DossierUpdateResult> UpdateAsync(
        Guid dossierId,
        long expectedVersion,
        Func<Dossier, IReadOnlyList<NewDossierEvent>> change,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return UpdateCoreAsync(dossierId, expectedVersion, change, cancellationToken);
    }

    /// <summary>
    /// The one way a dossier changes: <paramref name="change"/> edits the tracked row and returns the events to
    /// append with it, or null to refuse (nothing is written and the outcome is a conflict with the current row).
    /// </summary>
    private async Task<DossierUpdateResult> UpdateCoreAsync(
        Guid dossierId,
        long expectedVersion,
        Func<Dossier, IReadOnlyList<NewDossierEvent>?> change,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        try
        {
            await db.LockDossierAsync(dossierId, cancellationToken);
            var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.Id == dossierId, cancellationToken);
            if (dossier is null)
            {
                return new DossierUpdateResult(DossierUpdateOutcome.NotFound, null, null);
            }

            if (dossier.Version != expectedVersion)
            {
                return new DossierUpdateResult(DossierUpdateOutcome.Conflict, null, null);
            }

            var events = change(dossier);
            if (events is null)
            {
                db.ChangeTracker.Clear();
                return new DossierUpdateResult(DossierUpdateOutcome.Conflict, await GetAsync(dossierId, cancellationToken), null);
            }

            DossierEvent? last = null;
            var link = await LastLinkAsync(dossierId, cancellationToken);
            var now = time.GetUtcNow();
            foreach (var newEvent in events)
            {
                last = AddEvent(dossierId, link.Sequence + 1, link.Hash, newEvent, now);
                link = (last.Sequence, last.Hash);
            }

            if (last is not null)
            {
                dossier.LastEventSequence = last.Sequence;
                dossier.LastEventHash = last.Hash;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new DossierUpdateResult(
                DossierUpdateOutcome.Updated,
                await GetAsync(dossierId, cancellationToken),
                last is null ? null : ToEventRecord(last));
        }
        catch (DbUpdateConcurrencyException)
        {
            return new DossierUpdateResult(DossierUpdateOutcome.Conflict, null, null);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Records the citizen's rating (1–5). False when the dossier already has feedback.</summary>
    public async Task<bool> AddFeedbackAsync(Guid dossierId, int rating, string? comment, string? userId, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rating, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rating, 5);
        if (await db.Feedback.AnyAsync(f => f.DossierId == dossierId, cancellationToken))
        {
            return false;
        }

        var now = time.GetUtcNow();
        db.Feedback.Add(new Feedback { Id = Guid.CreateVersion7(now), DossierId = dossierId, Rating = rating, Comment = comment, UserId = userId, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Two submissions of the same rating raced; the unique index kept one. Anything else is a real error.
            db.ChangeTracker.Clear();
            if (await db.Feedback.AsNoTracking().AnyAsync(f => f.DossierId == dossierId, cancellationToken))
            {
                return false;
            }

            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Average rating and count for an agency's dossiers (public statistics).</summary>
    public async Task<(int Count, double Average)> GetFeedbackStatsAsync(string agencyCode, CancellationToken cancellationToken)
    {
        var ratings = await db.Feedback.AsNoTracking()
            .Join(db.Dossiers.Where(d => d.AgencyCode == agencyCode), f => f.DossierId, d => d.Id, (f, d) => f.Rating)
            .ToListAsync(cancellationToken);
        return (ratings.Count, ratings.Count == 0 ? 0 : ratings.Average());
    }

    /// <summary>
    /// The last event's sequence and hash (0 and "" for an empty log). Must run inside a write transaction: the link
    /// is read, then extended by the caller.
    /// </summary>
    private async Task<(long Sequence, string Hash)> LastLinkAsync(Guid dossierId, CancellationToken cancellationToken)
    {
        // Two nodes appending at once would both read the same last link: the second waits for the first's commit.
        await db.LockDossierAsync(dossierId, cancellationToken);
        var last = await db.DossierEvents.Where(e => e.DossierId == dossierId)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        return last is null ? (0, string.Empty) : (last.Sequence, last.Hash);
    }

    private DossierEvent AddEvent(Guid dossierId, long sequence, string previousHash, NewDossierEvent newEvent, DateTimeOffset at)
    {
        var entity = new DossierEvent
        {
            Id = Guid.CreateVersion7(at),
            DossierId = dossierId,
            Sequence = sequence,
            At = at,
            Actor = newEvent.Actor,
            Kind = newEvent.Kind,
            DataJson = newEvent.DataJson,
            Reason = newEvent.Reason,
            Hash = DossierAuditChain.Hash(dossierId, sequence, at, newEvent.Actor, newEvent.Kind, newEvent.DataJson, newEvent.Reason, previousHash),
        };
        db.DossierEvents.Add(entity);
        return entity;
    }

    /// <summary>
    /// A random code no dossier has (checked inside the write transaction; the unique index is the last word). With
    /// 30⁸ codes a year a second draw is rare and a third practically never happens.
    /// </summary>
    private async Task<string> NewCodeAsync(string prefix, int year, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var code = DossierCodes.New(prefix, year);
            if (attempt >= 4 || !await db.Dossiers.AnyAsync(d => d.Code == code, cancellationToken))
            {
                return code;
            }
        }
    }

    private static DossierAttachment NewAttachmentEntity(Guid dossierId, NewAttachment a, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        DossierId = dossierId,
        AttachmentId = a.AttachmentId,
        FileName = a.FileName,
        ContentType = a.ContentType,
        SizeBytes = a.SizeBytes,
        Sha256 = a.Sha256,
        StorageKey = a.StorageKey,
        UploadedAt = at,
    };

    private static DossierEventRecord ToEventRecord(DossierEvent e) =>
        new(e.Id, e.DossierId, e.Sequence, e.At, e.Actor, e.Kind, e.DataJson, e.Reason);
}
