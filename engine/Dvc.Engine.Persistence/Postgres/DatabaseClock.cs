namespace Dvc.Engine.Persistence.Postgres;

/// <summary>
/// Which clock a lease is measured on. Nodes' clocks drift; PostgreSQL's <c>now()</c> is one clock for all of them,
/// so leases and due times are compared there. A test that pins time with its own <see cref="TimeProvider"/> gets that
/// time instead (the SQL reads <c>coalesce(@pinned, now())</c>), so the same tests run on both providers.
/// </summary>
internal static class DatabaseClock
{
    /// <summary>Null (use the database's clock) for the system clock, the provider's time otherwise.</summary>
    public static DateTimeOffset? Pinned(TimeProvider time) => ReferenceEquals(time, TimeProvider.System) ? null : time.GetUtcNow().ToUniversalTime();
}
