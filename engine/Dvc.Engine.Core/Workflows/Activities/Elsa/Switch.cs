using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary>
/// <c>Elsa.Switch</c> (the structured one, outside flowcharts): <c>cases: [{label, condition, activity}]</c>; runs the
/// activity of the first matching case (<c>mode</c> MatchFirst) or of every matching case (MatchAny), else
/// <c>default</c>, and completes with Done when what it started has completed.
/// </summary>
internal sealed class Switch : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        var matches = FlowSwitch.Matching(execution, FlowSwitch.Labels(execution.Activity.Node).Count).ToList();
        var chosen = matches.Count == 0 ? execution.Activity.Slot("default")
            : (FlowSwitch.MatchAny(execution) ? matches : matches.Take(1)).SelectMany(i => execution.Activity.Slot(FlowSwitch.CaseKey(i))).ToList();
        PendingChildren.StartAll(execution, [.. chosen.Select(c => (c, (System.Text.Json.Nodes.JsonObject?)null))]);
        return ValueTask.CompletedTask;
    }

    public override void OnChildCompleted(ActivityExecution execution, ActivityFrame child, IReadOnlyList<string> outcomes) => PendingChildren.OneCompleted(execution);
}
