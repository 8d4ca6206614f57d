namespace Dvc.Engine.Persistence;

/// <summary>
/// A mutable row guarded by optimistic concurrency: <see cref="DvcDbContext"/> increments <see cref="Version"/> on every
/// save, and the configuration marks it as the concurrency token, so a stale writer gets a conflict instead of
/// silently overwriting (SQLite has no rowversion).
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}
