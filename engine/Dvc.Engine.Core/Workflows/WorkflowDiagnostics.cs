namespace Dvc.Engine.Core.Workflows;

/// <summary>Every diagnostic code the workflow reader and compiler report, listed once.</summary>
public static class WorkflowDiagnostics
{
    /// <summary>The file is not valid JSON.</summary>
    public const string InvalidJson = "DVC-WF-001";

    /// <summary>The document is not a workflow definition (no <c>root</c> activity object).</summary>
    public const string MissingRoot = "DVC-WF-002";

    /// <summary>An activity type is not registered; its JSON and connections are kept.</summary>
    public const string UnknownActivityType = "DVC-WF-003";

    /// <summary>An expression type is not supported (C#, Python or unknown).</summary>
    public const string UnsupportedExpression = "DVC-WF-004";

    /// <summary>A connection names an activity that does not exist in its flowchart.</summary>
    public const string ConnectionToMissingActivity = "DVC-WF-005";

    /// <summary>A connection leaves an activity from a port the activity cannot produce.</summary>
    public const string UnknownSourcePort = "DVC-WF-006";

    /// <summary>A JavaScript expression does not parse.</summary>
    public const string JavaScriptSyntax = "DVC-WF-007";

    /// <summary>A human task names a role the procedure does not declare.</summary>
    public const string UnknownRole = "DVC-WF-008";

    /// <summary>A Liquid expression does not parse.</summary>
    public const string LiquidSyntax = "DVC-WF-009";

    /// <summary>Two activities share one id.</summary>
    public const string DuplicateActivityId = "DVC-WF-010";

    /// <summary>An activity has no <c>id</c> or no <c>type</c>.</summary>
    public const string MissingActivityIdOrType = "DVC-WF-011";

    /// <summary>A human task declares no outcomes.</summary>
    public const string MissingOutcomes = "DVC-WF-012";

    /// <summary>A variable reference (SetVariable, Variable expression, output binding) names no declared variable.</summary>
    public const string UnknownVariable = "DVC-WF-013";

    /// <summary>A loop edge is invalid: not every path from its source back to the start passes through its target.</summary>
    public const string InvalidBackEdge = "DVC-WF-014";

    /// <summary>An activity cannot be reached from its flowchart's start activity (a warning: it never runs).</summary>
    public const string UnreachableActivity = "DVC-WF-015";

    /// <summary>A plugin assembly could not be loaded or its entry point failed.</summary>
    public const string PluginLoadFailed = "DVC-WF-016";

    /// <summary>A template or rules workflow named by a domain activity is not declared by the procedure.</summary>
    public const string UnknownProcedurePart = "DVC-WF-017";

    /// <summary>
    /// A path of a procedure's workflow finishes without <c>Dvc.IssueResult</c> and is not a cancellation (a citizen's
    /// supplement or payment that expired or failed): that dossier would end with no result document (a warning).
    /// </summary>
    public const string PathWithoutResult = "DVC-WF-040";

    /// <summary>A human task's outcome has no label (declared in <c>outcomeLabels</c> or common); pages would show its id.</summary>
    public const string OutcomeWithoutLabel = "DVC-WF-050";

    /// <summary>A <c>daysUnit</c> is neither <c>WorkingDays</c> nor <c>CalendarDays</c>, or a period is not a positive number of days.</summary>
    public const string InvalidPeriod = "DVC-WF-051";

    /// <summary>A citizen's period (supplement, payment) is declared in days without <c>daysUnit</c> (a warning: calendar days are assumed).</summary>
    public const string PeriodWithoutUnit = "DVC-WF-052";
}
