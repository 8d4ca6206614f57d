using Dvc.Engine.Server.Workflows;
using Microsoft.Extensions.Options;

namespace Dvc.Engine.Server.Hosting;

/// <summary>
/// The background loop behind <see cref="WorkflowTimers"/>, the overdue check and the outbox; every node runs one, leases and
/// version checks keep them from doing the same work twice.
/// </summary>
internal sealed partial class BackgroundDispatchService(IServiceScopeFactory scopes, IOptions<BackgroundDispatchOptions> options, TimeProvider clock, ILogger<BackgroundDispatchService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<WorkflowTimers>().DispatchDueAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<Dossiers.OverdueDossiers>().IssueApologySlipsAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<Outbox.OutboxDispatcher>().DispatchDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogLoopFailed(logger, ex);
            }

            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 5501, Level = LogLevel.Error, Message = "Timer dispatch failed; retrying at the next poll")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
