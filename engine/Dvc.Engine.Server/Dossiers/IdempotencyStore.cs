using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Dvc.Engine.Server.Storage;

namespace Dvc.Engine.Server.Dossiers;

/// <summary>
/// Remembers which dossier an <c>Idempotency-Key</c> created, per account, with a hash of the request so a reused
/// key with a different body is refused. A per-key gate serialises concurrent retries on this node.
/// </summary>
internal sealed class IdempotencyStore(FileStore files)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public async Task<IAsyncDisposable> LockAsync(string userId, string key, CancellationToken ct)
    {
        var gate = _gates.GetOrAdd(DocumentKey(userId, key), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Release(gate);
    }

    public async Task<IdempotencyRecord?> FindAsync(string userId, string key, CancellationToken ct)
    {
        var text = await files.ReadDocumentAsync(DocumentKey(userId, key), ct);
        return text is null ? null : JsonSerializer.Deserialize<IdempotencyRecord>(text);
    }

    public Task RememberAsync(string userId, string key, IdempotencyRecord record, CancellationToken ct) =>
        files.WriteDocumentAsync(DocumentKey(userId, key), JsonSerializer.Serialize(record), ct);

    public static string RequestHash(string procedureCode, string dataJson, IEnumerable<IncomingFile> attachments) =>
        FileStore.Sha256(Encoding.UTF8.GetBytes(procedureCode + "\n" + dataJson + "\n" + string.Join("\n", attachments.Select(a => a.AttachmentId + ":" + FileStore.Sha256(a.Content)))));

    private static string DocumentKey(string userId, string key) =>
        $"idempotency/{FileStore.Sha256(Encoding.UTF8.GetBytes(userId + "\n" + key))}.json";

    private sealed class Release(SemaphoreSlim gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
