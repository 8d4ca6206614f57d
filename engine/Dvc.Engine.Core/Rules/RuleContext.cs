namespace Dvc.Engine.Core.Rules;

/// <summary><c>ctx</c> in rule expressions: facts about the dossier that are not in the form.</summary>
public sealed class RuleContext(DateTime submittedOn, int serviceLevel)
{
    /// <summary>The submission date (midnight, unspecified kind): rules are evaluated as of this day, never "now".</summary>
    public DateTime SubmittedOn { get; } = submittedOn;

    /// <summary>3 (một phần) or 4 (toàn trình).</summary>
    public int ServiceLevel { get; } = serviceLevel;
}
