using Cronos;
using Dvc.Engine.Core.Workflows.Runtime;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary>
/// <c>Elsa.Cron</c>: inside a running workflow it waits on a timer bookmark due at the next occurrence of
/// <c>cronExpression</c> (six fields, seconds first, in UTC, parsed by Cronos as Elsa's <c>CronosCronParser</c> does),
/// then Done. As a recurring trigger that starts instances it belongs to a scheduler, which a dossier workflow does not have.
/// </summary>
internal sealed class Cron : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        var text = execution.EvaluateString("cronExpression") ?? string.Empty;
        if (TryParse(text, out var error) is not { } expression)
        {
            execution.Fault($"The cron expression '{text}' of '{execution.Activity.Id}' does not parse: {error}", WorkflowDiagnostics.InvalidCron);
            return ValueTask.CompletedTask;
        }

        if (expression.GetNextOccurrence(execution.Now, TimeZoneInfo.Utc) is not { } next)
        {
            execution.Fault($"The cron expression '{text}' of '{execution.Activity.Id}' never occurs again.", WorkflowDiagnostics.InvalidCron);
            return ValueTask.CompletedTask;
        }

        execution.Wait(new BookmarkRequest("Cron", text, null, next));
        return ValueTask.CompletedTask;
    }

    /// <summary>Parses a six-field cron expression; null with Cronos's reason when it does not parse.</summary>
    public static CronExpression? TryParse(string text, out string? error)
    {
        try
        {
            error = null;
            return CronExpression.Parse(text, CronFormat.IncludeSeconds);
        }
        catch (CronFormatException ex)
        {
            error = ex.Message;
            return null;
        }
    }
}
