namespace Dvc.Engine.Server.Tasks;

/// <summary>The outcomes the inbox knows how to ask for; a task may declare others, which are shown by name.</summary>
internal static class TaskOutcomes
{
    public const string Approve = "Approve";
    public const string Reject = "Reject";
    public const string RequestSupplement = "RequestSupplement";

    /// <summary>An incident (the workflow faulted): run the faulted step again.</summary>
    public const string Retry = "Retry";

    /// <summary>An incident: hand it to the head of the agency, saying why.</summary>
    public const string Escalate = "Escalate";

    /// <summary>Outcomes that need a comment: the reason of a refusal, the message of a supplement request, why an incident goes up.</summary>
    public static bool NeedsComment(string outcome) => outcome is Reject or RequestSupplement or Escalate;
}
