using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary>What the loop activities share: their <c>body</c>, the loop variables a body run sees, the break flag.</summary>
internal static class LoopBody
{
    public static CompiledActivity? Of(ActivityExecution execution) => execution.Activity.Slot("body") is { Count: > 0 } body ? body[0] : null;

    /// <summary>Runs the body once with loop variables (<c>CurrentValue</c>, <c>CurrentIndex</c>) visible to it as variables.</summary>
    public static void Run(ActivityExecution execution, CompiledActivity body, params (string Name, JsonNode? Value)[] locals) =>
        execution.Schedule(body, ExpressionContext.WithLocals(locals));

    /// <summary>The items of a ForEach/ParallelForEach: an array, a JSON text of one, or a single value.</summary>
    public static List<JsonNode?> Items(JsonNode? value) => value switch
    {
        null => [],
        JsonArray array => [.. array.Select(x => x?.DeepClone())],
        JsonValue text when text.TryGetValue<string>(out var s) && s.TrimStart().StartsWith('[') && ValueConversion.ConvertTo(text, "Object[]") is JsonArray parsed => Items(parsed),
        _ => [value.DeepClone()],
    };
}

/// <summary><c>Elsa.While</c>: runs <c>body</c> as long as <c>condition</c> (evaluated before every iteration) holds, or until a Break.</summary>
internal sealed class While : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        Iterate(execution);
        return ValueTask.CompletedTask;
    }

    public override void OnChildCompleted(ActivityExecution execution, ActivityFrame child, IReadOnlyList<string> outcomes) => Iterate(execution);

    private static void Iterate(ActivityExecution execution)
    {
        var loop = !execution.Flag(Break.IsBreaking) && ValueConversion.ToBoolean(execution.Evaluate("condition"));
        if (loop && LoopBody.Of(execution) is { } body)
        {
            LoopBody.Run(execution, body);
        }
        else
        {
            execution.Complete();
        }
    }
}

/// <summary>
/// <c>Elsa.For</c>: counts from <c>start</c> to <c>end</c> by <c>step</c> (a negative step counts down; <c>outerBoundInclusive</c>,
/// true by default, includes <c>end</c>), running <c>body</c> with <c>CurrentValue</c> each time; output <c>currentValue</c>.
/// The inputs are read once, when the loop starts, as Elsa evaluates them.
/// </summary>
internal sealed class For : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        execution.Properties["start"] = Number(execution, "start", 0);
        execution.Properties["end"] = Number(execution, "end", 0);
        execution.Properties["step"] = Number(execution, "step", 1);
        execution.Properties["inclusive"] = !execution.HasInput("outerBoundInclusive") || ValueConversion.ToBoolean(execution.Evaluate("outerBoundInclusive"));
        Iterate(execution);
        return ValueTask.CompletedTask;
    }

    public override void OnChildCompleted(ActivityExecution execution, ActivityFrame child, IReadOnlyList<string> outcomes) => Iterate(execution);

    private static void Iterate(ActivityExecution execution)
    {
        var end = execution.Properties["end"]!.GetValue<decimal>();
        var step = execution.Properties["step"]!.GetValue<decimal>();
        var inclusive = execution.Properties["inclusive"]!.GetValue<bool>();
        var current = execution.Properties["currentStep"] is JsonValue previous ? previous.GetValue<decimal>() + step : execution.Properties["start"]!.GetValue<decimal>();
        var loop = !execution.Flag(Break.IsBreaking) && (step >= 0
            ? inclusive ? current <= end : current < end
            : inclusive ? current >= end : current > end);
        if (!loop || LoopBody.Of(execution) is not { } body)
        {
            execution.Complete();
            return;
        }

        execution.Properties["currentStep"] = current;
        execution.SetOutput("currentValue", JsonValue.Create(current));
        LoopBody.Run(execution, body, ("CurrentValue", JsonValue.Create(current)));
    }

    private static decimal Number(ActivityExecution execution, string name, decimal fallback) =>
        execution.HasInput(name) && ValueConversion.ToNumber(execution.Evaluate(name)) is { } number ? decimal.Truncate(number) : fallback;
}

/// <summary>
/// <c>Elsa.ForEach</c>: runs <c>body</c> once per item of <c>items</c> (read once, when the loop starts), in order, with
/// <c>CurrentValue</c> and <c>CurrentIndex</c>; output <c>currentValue</c> is the current item. A Break ends it.
/// </summary>
internal sealed class ForEach : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        execution.Properties["items"] = new JsonArray([.. LoopBody.Items(execution.Evaluate("items"))]);
        Iterate(execution);
        return ValueTask.CompletedTask;
    }

    public override void OnChildCompleted(ActivityExecution execution, ActivityFrame child, IReadOnlyList<string> outcomes) => Iterate(execution);

    private static void Iterate(ActivityExecution execution)
    {
        var items = (JsonArray)execution.Properties["items"]!;
        var index = execution.Properties["currentIndex"]?.GetValue<int>() ?? 0;
        if (execution.Flag(Break.IsBreaking) || index >= items.Count)
        {
            execution.Complete();
            return;
        }

        var value = items[index]?.DeepClone();
        execution.SetOutput("currentValue", value);
        execution.Properties["currentIndex"] = index + 1;
        if (LoopBody.Of(execution) is { } body)
        {
            LoopBody.Run(execution, body, ("CurrentIndex", JsonValue.Create(index)), ("CurrentValue", value));
        }
        else
        {
            execution.Complete();
        }
    }
}

/// <summary>
/// <c>Elsa.ParallelForEach</c>: starts <c>body</c> for every item at once (each run with its own <c>CurrentValue</c> and
/// <c>CurrentIndex</c>, and its own variables in a called workflow) and completes when all have completed.
/// </summary>
internal sealed class ParallelForEach : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        var items = LoopBody.Items(execution.Evaluate("items"));
        var body = LoopBody.Of(execution);
        PendingChildren.StartAll(execution, body is null ? [] : [.. items.Select((item, i) => (body, ExpressionContext.WithLocals(("CurrentValue", item), ("CurrentIndex", JsonValue.Create(i)))))]);
        return ValueTask.CompletedTask;
    }

    public override void OnChildCompleted(ActivityExecution execution, ActivityFrame child, IReadOnlyList<string> outcomes) => PendingChildren.OneCompleted(execution);
}
