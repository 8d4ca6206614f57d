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

    /// <summary>The prefix of the file inputs, <c>attachment:{id}</c>.</summary>
    public const string FilePrefix = "attachment:";

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

    /// <summary>
    /// The files of a posted form (inputs named <c>attachment:{id}</c>), and for the other attachments the files the
    /// page already held (<c>kept:{id}</c> tokens).
    /// </summary>
    public async Task<List<IncomingFile>> ReadPostedAsync(IFormCollection form, string userId, CancellationToken ct)
    {
        var files = new List<IncomingFile>();
        foreach (var file in Chosen(form))
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            // The name as sent: FileNames.Normalize cuts paths of either kind when the file is stored.
            files.Add(new IncomingFile(file.Name[FilePrefix.Length..], file.FileName, file.ContentType, buffer.ToArray()));
        }

        files.AddRange((await ReadHeldAsync(form, userId, files.Select(f => f.AttachmentId), ct)).Select(h => h.File));
        return files;
    }

    /// <summary>
    /// The attachments whose newly chosen files are refused because together they exceed what one post may carry
    /// (<see cref="Hosting.UploadOptions.MaxRequestBytes"/>); empty when they fit. Their bytes are never read.
    /// </summary>
    public static IReadOnlyList<string> Oversized(IFormCollection form)
    {
        var chosen = Chosen(form).ToList();
        return chosen.Sum(f => f.Length) > Hosting.UploadOptions.MaxRequestBytes
            ? [.. chosen.Select(f => f.Name[FilePrefix.Length..]).Distinct(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>The error a refused oversized post shows at each of <paramref name="oversized"/>.</summary>
    public static Dictionary<string, string[]> OversizedErrors(IEnumerable<string> oversized, Localization.PortalText text)
    {
        string[] message = [text.Format("form.requestTooLarge", Hosting.UploadOptions.MaxRequestBytes / (1024 * 1024))];
        return oversized.ToDictionary(DossierService.AttachmentErrorKey, _ => message, StringComparer.Ordinal);
    }

    private static IEnumerable<IFormFile> Chosen(IFormCollection form) =>
        form.Files.Where(f => f.Name.StartsWith(FilePrefix, StringComparison.Ordinal) && f.Length > 0);

    /// <summary>The files the page held (posted <c>kept:{id}</c> tokens), except for attachments in <paramref name="replaced"/>.</summary>
    public async Task<List<(IncomingFile File, KeptUpload Kept)>> ReadHeldAsync(IFormCollection form, string userId, IEnumerable<string> replaced, CancellationToken ct)
    {
        var skip = replaced.ToHashSet(StringComparer.Ordinal);
        var held = new List<(IncomingFile, KeptUpload)>();
        foreach (var (name, tokens) in form.Where(kv => kv.Key.StartsWith(FieldPrefix, StringComparison.Ordinal)))
        {
            var attachmentId = name[FieldPrefix.Length..];
            if (skip.Contains(attachmentId) || tokens.FirstOrDefault() is not { Length: > 0 } token)
            {
                continue;
            }

            if (await RestoreAsync(token, userId, ct) is { } restored && restored.File.AttachmentId == attachmentId)
            {
                held.Add(restored);
            }
        }

        return held;
    }

    /// <summary>Keeps each file whose attachment has no error, so the page that comes back shows it as already attached.</summary>
    public async Task<Dictionary<string, KeptUpload>> KeepAllAsync(IEnumerable<IncomingFile> files, IReadOnlyDictionary<string, string[]> errors, string userId, CancellationToken ct)
    {
        var kept = new Dictionary<string, KeptUpload>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => !errors.ContainsKey(DossierService.AttachmentErrorKey(f.AttachmentId))))
        {
            kept[file.AttachmentId] = await KeepAsync(file, userId, ct);
        }

        return kept;
    }

    private sealed record Ticket(string UserId, string AttachmentId, string Key, string FileName, string ContentType);
}

/// <summary>A file the form already holds for <see cref="AttachmentId"/>: its name to show and the token to post back.</summary>
internal sealed record KeptUpload(string AttachmentId, string FileName, string Token);
