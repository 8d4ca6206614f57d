namespace Dvc.Engine.Server.Dossiers;

/// <summary>A saved, unsubmitted form and the files chosen on it (kept in the content-addressed file store).</summary>
internal sealed record Draft(Guid Id, string ProcedureCode, DateTimeOffset SavedAt, string DataJson, IReadOnlyList<DraftFile>? Files = null);

/// <summary>A file attached to a draft: which attachment, its name and type, and where its bytes are.</summary>
internal sealed record DraftFile(string AttachmentId, string FileName, string ContentType, string StorageKey);
