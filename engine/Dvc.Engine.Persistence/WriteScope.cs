using Microsoft.EntityFrameworkCore.Storage;

namespace Dvc.Engine.Persistence;

/// <summary>
/// A write transaction that composes: the outermost scope owns the database transaction, scopes opened inside it
/// (a store's own "one transaction" methods) join it and leave the commit to the owner. So a store method is atomic on
/// its own, and a command that spans several stores (complete a task, consume its bookmark, save the workflow state,
/// change the dossier's status) is atomic as a whole: a process that dies half-way commits nothing.
/// </summary>
public sealed class WriteScope : IAsyncDisposable
{
    private readonly IDbContextTransaction? _owned;

    internal WriteScope(IDbContextTransaction? owned)
    {
        _owned = owned;
    }

    /// <summary>Commits when this scope owns the transaction; a joined scope leaves it to the owner.</summary>
    public Task CommitAsync(CancellationToken cancellationToken) => _owned?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    /// <summary>Rolls back what was not committed (only the owner does).</summary>
    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
