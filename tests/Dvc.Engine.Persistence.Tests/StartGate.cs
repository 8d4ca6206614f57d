namespace Dvc.Engine.Persistence.Tests;

/// <summary>
/// Releases racing tasks at once without blocking threads (a Barrier of 20 starves a 2-core thread pool for
/// seconds); each racer awaits <see cref="WaitAsync"/> after its own setup, the test calls <see cref="Open"/>.
/// </summary>
public sealed class StartGate
{
    private readonly TaskCompletionSource open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WaitAsync() => open.Task;

    public void Open() => open.TrySetResult();
}
