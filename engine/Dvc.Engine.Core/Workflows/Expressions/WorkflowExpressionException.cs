namespace Dvc.Engine.Core.Workflows.Expressions;

/// <summary>
/// An expression failed while the workflow ran (a script error, a sandbox limit). The interpreter turns it into a
/// workflow fault naming the activity; it never escapes to the host.
/// </summary>
public sealed class WorkflowExpressionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorkflowExpressionException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public WorkflowExpressionException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public WorkflowExpressionException(string message)
        : base(message)
    {
    }
}
