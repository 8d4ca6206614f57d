using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary><c>Elsa.WriteLine</c>: appends <c>text</c> to the dossier log (Elsa writes to the console).</summary>
internal sealed class WriteLine : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        execution.Log(execution.EvaluateString("text") ?? string.Empty);
        execution.Complete();
        return ValueTask.CompletedTask;
    }
}
