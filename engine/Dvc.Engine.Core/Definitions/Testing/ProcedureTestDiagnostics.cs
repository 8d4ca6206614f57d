namespace Dvc.Engine.Core.Definitions.Testing;

/// <summary>Stable codes for problems in a procedure's tests/*.json. Never renumber.</summary>
public static class ProcedureTestDiagnostics
{
    /// <summary>A test case is not an object with "name" and "input", or a field has the wrong type.</summary>
    public const string Malformed = "DVC-TEST-001";

    /// <summary>A test case's input has a field the form does not define.</summary>
    public const string UnknownInputField = "DVC-TEST-002";

    /// <summary><c>expect.failedRules</c> names a rule that is not in the eligibility workflow.</summary>
    public const string UnknownRule = "DVC-TEST-003";

    /// <summary><c>expect.checklist</c> names an attachment the manifest does not list.</summary>
    public const string UnknownAttachment = "DVC-TEST-004";

    /// <summary><c>expect.rendered</c> names a template the manifest does not list.</summary>
    public const string UnknownTemplate = "DVC-TEST-005";

    /// <summary><c>expect.errors</c> has a pointer that is not a field of the form.</summary>
    public const string UnknownErrorField = "DVC-TEST-006";

    /// <summary>A test case or its <c>expect</c> has a key the runner does not know (often a typo, so nothing is checked).</summary>
    public const string UnknownKey = "DVC-TEST-007";

    /// <summary>A step names a task (activity id) the workflow does not have, or an outcome that task cannot give.</summary>
    public const string UnknownStep = "DVC-TEST-008";

    /// <summary><c>expect.workflowPath</c> names an activity id the workflow does not have.</summary>
    public const string UnknownActivity = "DVC-TEST-009";
}
