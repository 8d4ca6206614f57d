namespace Dvc.Engine.Persistence.Idempotency;

/// <summary>
/// What an <c>Idempotency-Key</c> did for an account: the operation, a hash of the request and the dossier it
/// created or changed. Written in the same transaction as that change, so after a crash either both exist or
/// neither does, and a retry is answered from here instead of doing the work twice.
/// </summary>
public sealed class IdempotencyRecord
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    /// <summary>The client's key, as sent (at most <see cref="IdempotencyStore.MaxKeyLength"/> characters).</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>What the key was used for: <c>submit</c>, <c>pay</c>…; reusing a key for another operation is a conflict.</summary>
    public string Operation { get; set; } = string.Empty;

    /// <summary>SHA-256 (hex) of the request, so a reused key with a different body is refused.</summary>
    public string RequestHash { get; set; } = string.Empty;

    public Guid DossierId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
