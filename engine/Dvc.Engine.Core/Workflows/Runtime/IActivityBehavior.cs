using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Model;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Runtime;

/// <summary>
/// How the interpreter runs one activity type. Built-in (Elsa) activities implement it directly because they
/// schedule children; plugin and domain activities go through <see cref="SdkActivityBehavior"/>.
/// </summary>
internal interface IActivityBehavior
{
    ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken);

    ValueTask ResumeAsync(ActivityExecution execution, WorkflowBookmark bookmark, JsonNode? payload, CancellationToken cancellationToken);

    void OnChildCompleted(ActivityExecution execution, ActivityFrame child, IReadOnlyList<string> outcomes);

    void OnChildCancelled(ActivityExecution execution, ActivityFrame child);

    /// <summary>The ports the activity can complete with, or null when only a run can tell.</summary>
    IReadOnlyList<string>? PossibleOutcomes(ActivityNode node, ActivityDescriptor descriptor);
}

/// <summary>Defaults: complete with Done on resume, complete with Done when the child completes, ports from the descriptor.</summary>
internal abstract class ActivityBehavior : IActivityBehavior
{
    public abstract ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken);

    public virtual ValueTask ResumeAsync(ActivityExecution execution, WorkflowBookmark bookmark, JsonNode? payload, CancellationToken cancellationToken)
    {
        execution.Complete();
        return ValueTask.CompletedTask;
    }

    public virtual void OnChildCompleted(ActivityExecution execution, ActivityFrame child, IReadOnlyList<string> outcomes) => execution.Complete();

    public virtual void OnChildCancelled(ActivityExecution execution, ActivityFrame child)
    {
    }

    public virtual IReadOnlyList<string>? PossibleOutcomes(ActivityNode node, ActivityDescriptor descriptor) =>
        descriptor.HasDynamicOutcomes ? null : descriptor.Outcomes;
}
