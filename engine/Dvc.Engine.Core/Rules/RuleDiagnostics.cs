namespace Dvc.Engine.Core.Rules;

/// <summary>Stable codes for problems in rules.json. Never renumber.</summary>
public static class RuleDiagnostics
{
    /// <summary>rules.json is not an array of RulesEngine workflows, or a workflow/rule lacks a name or expression.</summary>
    public const string Malformed = "DVC-RULE-001";

    /// <summary>An expression reads a field the form does not define.</summary>
    public const string UnknownField = "DVC-RULE-002";

    /// <summary>An expression does not parse, or does not yield true/false.</summary>
    public const string InvalidExpression = "DVC-RULE-003";

    /// <summary>An expression reaches something outside the sandbox (reflection, types, clock, files…).</summary>
    public const string SandboxViolation = "DVC-RULE-004";

    /// <summary>An eligibility rule has no <c>Properties.reason</c> in Vietnamese.</summary>
    public const string MissingReason = "DVC-RULE-005";

    /// <summary>A fee rule's amount is missing or can yield something that is not a number.</summary>
    public const string FeeNotNumber = "DVC-RULE-006";

    /// <summary>A fee rule's amount can be empty (null) when a field is left blank; it then counts as 0.</summary>
    public const string FeeMayBeNull = "DVC-RULE-007";

    /// <summary>A checklist rule names an attachment the manifest does not list.</summary>
    public const string UnknownAttachment = "DVC-RULE-008";

    /// <summary>Two workflows, or two rules in one workflow, share a name.</summary>
    public const string DuplicateName = "DVC-RULE-009";

    /// <summary>A rule uses a RulesEngine feature the engine does not allow here (EvaluateRule action, WorkflowsToInject, custom actions).</summary>
    public const string UnsupportedFeature = "DVC-RULE-010";

    /// <summary>A fee rule has no <c>Properties.label</c>.</summary>
    public const string MissingLabel = "DVC-RULE-011";

    /// <summary>An effective-dated fee table has a bad date, a period that ends before it starts, or periods that overlap.</summary>
    public const string FeeRatesInvalid = "DVC-RULE-012";
}
