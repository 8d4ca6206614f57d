namespace Dvc.Engine.Sdk.Hosting;

/// <summary>Durable records for plugins, in the host's database (and its transactions). Resolve it from DI.</summary>
public interface IPluginRecords
{
    /// <summary>The record, or null.</summary>
    /// <param name="kind">The record kind.</param>
    /// <param name="key">The key within the kind.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<PluginRecord?> FindAsync(string kind, string key, CancellationToken cancellationToken);

    /// <summary>The records of one kind for a dossier, oldest first.</summary>
    /// <param name="kind">The record kind.</param>
    /// <param name="dossierCode">The dossier code.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<PluginRecord>> ListAsync(string kind, string dossierCode, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts (version 0) or updates (the version read) the record. Returns it with its new version, or null when
    /// someone else saved it first (or inserted the same key): read it again and decide.
    /// </summary>
    /// <param name="record">The record to save.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task<PluginRecord?> SaveAsync(PluginRecord record, CancellationToken cancellationToken);
}
