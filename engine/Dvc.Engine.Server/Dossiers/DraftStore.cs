using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Storage;

namespace Dvc.Engine.Server.Dossiers;

/// <summary>
/// Saved, unsubmitted forms, one JSON document per draft under the owner's folder, with the files chosen on them.
/// Drafts are personal and not part of the dossier record (no code, no event log) until submitted; submitting deletes
/// the draft.
/// </summary>
internal sealed class DraftStore(FileStore files, TimeProvider clock)
{
    public async Task<Guid> SaveAsync(string userId, string procedureCode, JsonObject data, IReadOnlyList<IncomingFile> attached, Guid? draftId, CancellationToken ct)
    {
        var id = draftId ?? Guid.CreateVersion7(clock.GetUtcNow());
        var kept = new List<DraftFile>();
        foreach (var file in attached)
        {
            kept.Add(new DraftFile(file.AttachmentId, file.FileName, file.ContentType, await files.SaveBlobAsync(file.Content, ct)));
        }

        var draft = new Draft(id, procedureCode, clock.GetUtcNow(), data.ToJsonString(), kept);
        await files.WriteDocumentAsync(Key(userId, id), JsonSerializer.Serialize(draft), ct);
        return id;
    }

    /// <summary>The files of a draft whose bytes are still stored.</summary>
    public async Task<IReadOnlyList<IncomingFile>> FilesAsync(Draft draft, CancellationToken ct)
    {
        var list = new List<IncomingFile>();
        foreach (var file in draft.Files ?? [])
        {
            if (await files.ReadAsync(file.StorageKey, ct) is { } content)
            {
                list.Add(new IncomingFile(file.AttachmentId, file.FileName, file.ContentType, content));
            }
        }

        return list;
    }

    public async Task<Draft?> LoadAsync(string userId, Guid draftId, CancellationToken ct)
    {
        var text = await files.ReadDocumentAsync(Key(userId, draftId), ct);
        return text is null ? null : JsonSerializer.Deserialize<Draft>(text);
    }

    public async Task<IReadOnlyList<Draft>> ListAsync(string userId, CancellationToken ct)
    {
        var drafts = new List<Draft>();
        foreach (var key in files.List(Folder(userId)))
        {
            if (await files.ReadDocumentAsync(key, ct) is { } text && JsonSerializer.Deserialize<Draft>(text) is { } draft)
            {
                drafts.Add(draft);
            }
        }

        return [.. drafts.OrderByDescending(d => d.SavedAt)];
    }

    public void Delete(string userId, Guid draftId) => files.Delete(Key(userId, draftId));

    private static string Folder(string userId) => $"drafts/{FileStore.Sha256(System.Text.Encoding.UTF8.GetBytes(userId))[..32]}";

    private static string Key(string userId, Guid id) => $"{Folder(userId)}/{id:N}.json";
}
