namespace Dvc.Engine.Server.Tasks;

/// <summary>The outcomes the inbox knows how to ask for; a task may declare others, which are shown by name.</summary>
internal static class TaskOutcomes
{
    public const string Approve = "Approve";
    public const string Reject = "Reject";
    public const string RequestSupplement = "RequestSupplement";

    /// <summary>Outcomes that need a comment: the reason of a refusal, the message of a supplement request.</summary>
    public static bool NeedsComment(string outcome) => outcome is Reject or RequestSupplement;
}
