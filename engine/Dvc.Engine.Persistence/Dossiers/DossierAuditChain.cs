using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Dvc.Engine.Persistence.Dossiers;

/// <summary>
/// The hash chain over each dossier's event log. Every event hashes its own content together with the previous
/// event's hash, and the dossier row keeps the last (sequence, hash), so a changed event, a removed one (gap or
/// broken link) and a removed tail (the dossier's last link no longer matches) are all found by recomputing.
/// </summary>
/// <remarks>
/// This makes tampering evident to anyone who recomputes the chain; it does not stop someone who can write the
/// database and rewrites every later hash too. Publishing the heads elsewhere (or keying the hash) would.
/// </remarks>
public static class DossierAuditChain
{
    private const string Format = "dvc-event-v1";

    /// <summary>
    /// The hash of one event. Time counts in whole microseconds, the finest precision every supported database
    /// stores, so the value read back hashes like the value written.
    /// </summary>
    public static string Hash(Guid dossierId, long sequence, DateTimeOffset at, string actor, string kind, string? dataJson, string? reason, string previousHash)
    {
        var content = JsonSerializer.SerializeToUtf8Bytes(new object?[]
        {
            Format, dossierId.ToString("D"), sequence, at.UtcTicks / 10, actor, kind, dataJson, reason, previousHash,
        });
        return Convert.ToHexStringLower(SHA256.HashData(content));
    }

    /// <summary>
    /// Recomputes every dossier's chain (500 dossiers at a time) and returns each dossier's first broken link, in
    /// order of dossier code; <paramref name="maxBreaks"/> bounds how many are collected.
    /// </summary>
    public static async Task<AuditReport> VerifyAsync(DvcDbContext db, int maxBreaks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var breaks = new List<AuditBreak>();
        int dossiers = 0, events = 0;
        string? after = null;
        while (true)
        {
            var batch = await db.Dossiers.AsNoTracking()
                .Where(d => after == null || string.Compare(d.Code, after) > 0)
                .OrderBy(d => d.Code)
                .Take(500)
                .Select(d => new { d.Id, d.Code, d.LastEventSequence, d.LastEventHash })
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var ids = batch.Select(d => d.Id).ToList();
            var logs = (await db.DossierEvents.AsNoTracking()
                    .Where(e => ids.Contains(e.DossierId))
                    .OrderBy(e => e.DossierId).ThenBy(e => e.Sequence)
                    .ToListAsync(cancellationToken))
                .ToLookup(e => e.DossierId);
            foreach (var dossier in batch)
            {
                var log = logs[dossier.Id].ToList();
                dossiers++;
                events += log.Count;
                if (breaks.Count < maxBreaks && FirstBreak(dossier.Id, log, dossier.LastEventSequence, dossier.LastEventHash) is { } problem)
                {
                    breaks.Add(problem with { DossierCode = dossier.Code });
                }
            }

            after = batch[^1].Code;
        }

        return new AuditReport(dossiers, events, breaks);
    }

    /// <summary>The first event of <paramref name="log"/> (in sequence order) that does not fit the chain, or null.</summary>
    public static AuditBreak? FirstBreak(Guid dossierId, IReadOnlyList<DossierEvent> log, long? lastSequence, string? lastHash)
    {
        ArgumentNullException.ThrowIfNull(log);
        var previous = string.Empty;
        for (var i = 0; i < log.Count; i++)
        {
            var e = log[i];
            var expected = i + 1L;
            if (e.Sequence != expected)
            {
                return new AuditBreak("", expected, Invariant($"event {expected} is missing (the log goes on at event {e.Sequence})"));
            }

            if (Hash(dossierId, e.Sequence, e.At, e.Actor, e.Kind, e.DataJson, e.Reason, previous) != e.Hash)
            {
                return new AuditBreak("", e.Sequence, Invariant($"event {e.Sequence} ({e.Kind}) does not match its hash: it was changed, or an event before it was"));
            }

            previous = e.Hash;
        }

        var count = (long)log.Count;
        if (lastSequence != count || (count > 0 && lastHash != previous))
        {
            return new AuditBreak("", count + 1, Invariant($"the log ends at event {count} but the dossier's last link is event {lastSequence?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}: events were removed from its end"));
        }

        return null;
    }

    /// <summary>
    /// Seals logs written before the chain existed (dossiers without a last link): run once at start-up, after the
    /// migration that added the columns. Sealed dossiers are never touched again.
    /// </summary>
    public static async Task<int> SealUnchainedAsync(DvcDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sealedCount = 0;
        while (true)
        {
            var ids = await db.Dossiers.Where(d => d.LastEventSequence == null).OrderBy(d => d.Id).Select(d => d.Id).Take(200).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return sealedCount;
            }

            await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
            foreach (var id in ids)
            {
                var log = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
                var previous = string.Empty;
                foreach (var e in log)
                {
                    previous = await SetHashAsync(db, e, Hash(id, e.Sequence, e.At, e.Actor, e.Kind, e.DataJson, e.Reason, previous), cancellationToken);
                }

                var last = log.Count == 0 ? 0 : log[^1].Sequence;
                var head = log.Count == 0 ? null : previous;
                await db.Dossiers.Where(d => d.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastEventSequence, last).SetProperty(d => d.LastEventHash, head), cancellationToken);
                sealedCount++;
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    // Events are append-only through EF Core; this one-time seal writes the new column with a direct UPDATE.
    private static async Task<string> SetHashAsync(DvcDbContext db, DossierEvent e, string hash, CancellationToken cancellationToken)
    {
        await db.DossierEvents.Where(x => x.Id == e.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Hash, hash), cancellationToken);
        return hash;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What <see cref="DossierAuditChain.VerifyAsync"/> found: counts, and each broken dossier's first bad link.</summary>
public sealed record AuditReport(int Dossiers, int Events, IReadOnlyList<AuditBreak> Breaks);

/// <summary>The first link of a dossier's log that does not hold: the event's sequence number and what is wrong.</summary>
public sealed record AuditBreak(string DossierCode, long Sequence, string Problem);
