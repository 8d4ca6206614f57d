using Npgsql;

namespace Dvc.Engine.Persistence.Postgres;

/// <summary>
/// Retries a self-contained unit of work that PostgreSQL aborted with a serialization failure (40001) or as a
/// deadlock victim (40P01): both mean "nothing was written, try again". Only for work that owns its transaction (a
/// claim statement, a whole command): inside a caller's transaction the abort must reach the caller.
/// </summary>
public static class PostgresRetry
{
    private const int Attempts = 5;

    public static bool IsTransient(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected }
        || (exception.InnerException is { } inner && IsTransient(inner));

    public static async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (Exception e) when (attempt < Attempts && IsTransient(e))
            {
                // A short random pause, so the two victims of one deadlock do not meet again at once.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 50 * attempt)), cancellationToken);
            }
        }
    }
}
