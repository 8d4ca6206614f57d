using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary>For activities that start several children at once (ParallelForEach, a MatchAny Switch) and complete when all have.</summary>
internal static class PendingChildren
{
    private const string Property = "pending";

    /// <summary>Schedules each child; completes at once when there is none.</summary>
    public static void StartAll(ActivityExecution execution, IReadOnlyList<(CompiledActivity Child, System.Text.Json.Nodes.JsonObject? Properties)> children)
    {
        execution.Properties[Property] = children.Count;
        if (children.Count == 0)
        {
            execution.Complete();
            return;
        }

        foreach (var (child, properties) in children)
        {
            execution.Schedule(child, properties);
        }
    }

    /// <summary>Counts one child done and completes the activity after the last.</summary>
    public static void OneCompleted(ActivityExecution execution)
    {
        var pending = execution.Properties[Property]!.GetValue<int>() - 1;
        execution.Properties[Property] = pending;
        if (pending <= 0)
        {
            execution.Complete();
        }
    }
}
