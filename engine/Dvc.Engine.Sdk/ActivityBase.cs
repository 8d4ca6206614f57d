using System.Text.Json.Nodes;

namespace Dvc.Engine.Sdk;

/// <summary>
/// The base class of a plugin activity. The engine creates a fresh instance for every execution and every resume,
/// assigns the <see cref="InputAttribute"/> properties from the evaluated inputs, calls the method, then reads the
/// <see cref="OutputAttribute"/> properties. Keep no state in fields: what must survive a wait goes in the bookmark.
/// </summary>
public abstract class ActivityBase
{
    /// <summary>Runs the activity: complete with outcomes, or wait on a bookmark.</summary>
    /// <param name="context">Inputs, outputs, log and services.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the run.</param>
    public abstract ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Continues after the bookmark created by <see cref="ExecuteAsync"/> was resumed. The default completes with
    /// <c>Done</c>. Return <see cref="ActivityResult.RejectResume"/> to refuse an invalid payload.
    /// </summary>
    /// <param name="context">Inputs (evaluated again), outputs, log and services.</param>
    /// <param name="bookmark">The bookmark that was resumed.</param>
    /// <param name="payload">What the resumer sent (a decision, a payment callback, an event payload); may be null.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the run.</param>
    public virtual ValueTask<ActivityResult> ResumeAsync(ActivityContext context, BookmarkRequest bookmark, JsonNode? payload, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ActivityResult.Done);
}
