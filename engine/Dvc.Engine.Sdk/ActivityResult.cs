namespace Dvc.Engine.Sdk;

/// <summary>
/// What an activity execution ends with: completed with outcomes, waiting on a bookmark, or (on resume only)
/// a refusal of the resume payload that leaves the bookmark in place.
/// </summary>
public sealed class ActivityResult
{
    private ActivityResult(IReadOnlyList<string>? outcomes, BookmarkRequest? bookmark, string? rejection)
    {
        Outcomes = outcomes ?? [];
        Bookmark = bookmark;
        Rejection = rejection;
    }

    /// <summary>The outcome ports to follow when the activity completed; empty otherwise.</summary>
    public IReadOnlyList<string> Outcomes { get; }

    /// <summary>The bookmark to wait on, when the activity waits.</summary>
    public BookmarkRequest? Bookmark { get; }

    /// <summary>Why a resume payload was refused, when it was.</summary>
    public string? Rejection { get; }

    /// <summary>True when the activity completed.</summary>
    public bool IsCompleted => Bookmark is null && Rejection is null;

    /// <summary>Completed with the default outcome <c>Done</c>.</summary>
    public static ActivityResult Done { get; } = new(["Done"], null, null);

    /// <summary>Completes with the given outcomes; each names an outbound port.</summary>
    /// <param name="outcomes">One or more outcome names.</param>
    public static ActivityResult Complete(params string[] outcomes) => new(outcomes.Length == 0 ? ["Done"] : outcomes, null, null);

    /// <summary>Suspends the activity until the bookmark is resumed.</summary>
    /// <param name="bookmark">What the activity waits for.</param>
    public static ActivityResult WaitFor(BookmarkRequest bookmark) => new(null, bookmark, null);

    /// <summary>
    /// Refuses a resume payload (for example an outcome the task does not offer). The workflow state is left as it
    /// was and the bookmark stays open.
    /// </summary>
    /// <param name="reason">The reason, shown to whoever tried to resume.</param>
    public static ActivityResult RejectResume(string reason) => new(null, null, reason);
}
