using System.Text.Json.Nodes;

namespace Dvc.Engine.Sdk.Hosting;

/// <summary>
/// Something from outside that a dossier's workflow waits for (a payment confirmed by the gateway, a parcel delivered).
/// <see cref="IDossierHost.SignalAsync"/> resumes the open bookmark named <see cref="BookmarkName"/> with
/// <see cref="Payload"/> and, in the same transaction, saves <see cref="Record"/> and appends <see cref="Note"/>:
/// all of it commits or none of it does.
/// </summary>
/// <param name="DossierCode">The dossier.</param>
/// <param name="BookmarkName">The stimulus kind the workflow waits on (<see cref="BookmarkNames.Payment"/>, or the plugin's own).</param>
/// <param name="Payload">The resume payload the waiting activity reads.</param>
/// <param name="Actor">Who acts, for the history (<c>system</c>, a gateway name).</param>
public sealed record DossierSignal(string DossierCode, string BookmarkName, JsonObject? Payload, string Actor = "system")
{
    /// <summary>Only the bookmark of this activity id; null for the first open one of <see cref="BookmarkName"/>.</summary>
    public string? ActivityId { get; init; }

    /// <summary>A plugin record to save with the resume (optimistically: see <see cref="IPluginRecords.SaveAsync"/>).</summary>
    public PluginRecord? Record { get; init; }

    /// <summary>A history entry to append with the resume.</summary>
    public DossierNote? Note { get; init; }
}

/// <summary>What became of a <see cref="DossierSignal"/>.</summary>
/// <param name="Outcome">Resumed, or why not.</param>
/// <param name="Message">The activity's refusal, when it refused the payload.</param>
/// <param name="Record">The saved record (with its new version) when it resumed.</param>
public sealed record SignalResult(SignalOutcome Outcome, string? Message = null, PluginRecord? Record = null);

/// <summary>The outcome of a signal. Only <see cref="Resumed"/> committed anything.</summary>
public enum SignalOutcome
{
    /// <summary>The workflow took the signal; the record and the note were saved with it.</summary>
    Resumed,

    /// <summary>No dossier has this code.</summary>
    DossierNotFound,

    /// <summary>The workflow does not wait for this (already resumed, expired, or never asked).</summary>
    NotWaiting,

    /// <summary>The waiting activity refused the payload; see <see cref="SignalResult.Message"/>.</summary>
    Refused,

    /// <summary>The record changed since it was read (another callback got there first); read it again.</summary>
    RecordConflict,
}
