namespace Dvc.Engine.Server.Workflows;

/// <summary>
/// Kinds of dossier events the server writes. Statistics and timelines read them back, so the names are stable data.
/// </summary>
internal static class DossierEvents
{
    public const string Submitted = "Submitted";
    public const string StatusChanged = "StatusChanged";
    public const string TaskCompleted = "TaskCompleted";
    public const string SupplementRequested = "SupplementRequested";
    public const string Supplemented = "Supplemented";
    public const string PaymentRequested = "PaymentRequested";
    public const string PaymentReceived = "PaymentReceived";
    public const string ClockPaused = "ClockPaused";
    public const string ClockResumed = "ClockResumed";
    public const string ResultIssued = "ResultIssued";
    public const string Rated = "Rated";
    public const string Log = "Log";
    public const string Overdue = "Overdue";
    public const string Notified = "Notified";

    /// <summary>A step went to another agency ("liên thông"): data <c>{ activityId, title, from, to }</c>.</summary>
    public const string HandedOver = "HandedOver";

    /// <summary>The other agency completed its step and the dossier came back: data as TaskCompleted plus <c>from, to</c>.</summary>
    public const string HandedBack = "HandedBack";

    /// <summary>A step of the workflow failed (the reason is the fault message); an incident task was opened. Staff only.</summary>
    public const string WorkflowFaulted = "WorkflowFaulted";

    /// <summary>An officer ran the faulted step again. Staff only.</summary>
    public const string WorkflowRetried = "WorkflowRetried";

    /// <summary>An officer handed the incident to the head of the agency (the reason is their comment). Staff only.</summary>
    public const string WorkflowEscalated = "WorkflowEscalated";

    /// <summary>Kinds only staff see in the history: how the processing went, not what the citizen needs to know.</summary>
    public static bool IsStaffOnly(string kind) => kind is Log or WorkflowFaulted or WorkflowRetried or WorkflowEscalated;
}
