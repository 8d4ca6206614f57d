using Dvc.Engine.Server.Hosting;
using Dvc.Engine.Persistence.Timers;
using Microsoft.Extensions.Options;

namespace Dvc.Engine.Server.Workflows;

/// <summary>
/// Fires due workflow timers: claims them with a lease (so two nodes never fire the same one), resumes their
/// bookmark, and marks them fired; a failure releases the lease for a retry.
/// </summary>
internal sealed partial class WorkflowTimers(TimerStore timers, ElsaDossierWorkflow workflow, IOptions<BackgroundDispatchOptions> options, ILogger<WorkflowTimers> logger)
{
    private static readonly string Node = $"{Environment.MachineName}:{Environment.ProcessId}";

    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var due = await timers.ClaimDueAsync(Node, TimeSpan.FromSeconds(settings.LeaseSeconds), settings.BatchSize, ct);
        foreach (var timer in due)
        {
            try
            {
                await workflow.TimerFiredAsync(timer.InstanceId, timer.BookmarkId, ct);
                await timers.MarkFiredAsync(timer.Id, Node, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTimerFailed(logger, ex, timer.Id);
                await timers.ReleaseAsync(timer.Id, Node, ct);
            }
        }

        return due.Count;
    }

    [LoggerMessage(EventId = 5500, Level = LogLevel.Error, Message = "Timer {TimerId} failed; its lease is released for a retry")]
    private static partial void LogTimerFailed(ILogger logger, Exception exception, Guid timerId);
}
