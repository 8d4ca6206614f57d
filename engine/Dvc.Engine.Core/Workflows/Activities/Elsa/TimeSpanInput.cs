using System.Globalization;
using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary>Reads a TimeSpan input the way Elsa writes it (<c>"00:00:05"</c>, <c>"1.00:00:00"</c>).</summary>
internal static class TimeSpanInput
{
    public static TimeSpan? Read(ActivityExecution execution, string name)
    {
        var text = execution.EvaluateString(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span))
        {
            return span;
        }

        execution.Fault($"Input '{name}' of '{execution.Activity.Id}' is not a time span: '{text}'.");
        return null;
    }
}
