using System.Text.Json;
using Dvc.Engine.Server.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace Dvc.Engine.Server.Dossiers;

/// <summary>
/// Files chosen on the generated form survive a page that comes back with errors or with the eligibility check:
/// browsers never refill a file input, so without this a citizen re-picked every scan after each mistake. The
/// bytes go to the content-addressed store; the page carries a protected, time-limited token per file, so a
/// posted token can name only a file this server stored for this user, not any blob.
/// </summary>
internal sealed class KeptUploads(FileStore store, IDataProtectionProvider protection)
{
    public const string FieldPrefix = "kept:";

    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Dvc.KeptUploads").ToTimeLimitedDataProtector();

    /// <summary>Stores <paramref name="file"/> and returns the token the page posts back.</summary>
    public async Task<KeptUpload> KeepAsync(IncomingFile file, string userId, CancellationToken ct)
    {
        var key = await store.SaveBlobAsync(file.Content, ct);
        var name = FileNames.Normalize(file.FileName);
        var ticket = new Ticket(userId, file.AttachmentId, key, name, file.ContentType);
        return new KeptUpload(file.AttachmentId, name, _protector.Protect(JsonSerializer.Serialize(ticket), Lifetime));
    }

    /// <summary>The file behind a token, or null when the token is forged, expired, another user's or its bytes are gone.</summary>
    public async Task<(IncomingFile File, KeptUpload Kept)?> RestoreAsync(string token, string userId, CancellationToken ct)
    {
        Ticket? ticket;
        try
        {
            ticket = JsonSerializer.Deserialize<Ticket>(_protector.Unprotect(token));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }

        if (ticket is null || ticket.UserId != userId || await store.ReadAsync(ticket.Key, ct) is not { } content)
        {
            return null;
        }

        return (new IncomingFile(ticket.AttachmentId, ticket.FileName, ticket.ContentType, content), new KeptUpload(ticket.AttachmentId, ticket.FileName, token));
    }

    private sealed record Ticket(string UserId, string AttachmentId, string Key, string FileName, string ContentType);
}

/// <summary>A file the form already holds for <see cref="AttachmentId"/>: its name to show and the token to post back.</summary>
internal sealed record KeptUpload(string AttachmentId, string FileName, string Token);
