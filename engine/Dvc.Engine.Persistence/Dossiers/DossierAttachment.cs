namespace Dvc.Engine.Persistence.Dossiers;

/// <summary>Metadata of an uploaded file; the bytes live in blob storage under <see cref="StorageKey"/>.</summary>
public sealed class DossierAttachment
{
    public Guid Id { get; set; }

    public Guid DossierId { get; set; }

    /// <summary>The attachment id declared in procedure.json (e.g. "cccd").</summary>
    public string AttachmentId { get; set; } = string.Empty;

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the bytes.</summary>
    public string Sha256 { get; set; } = string.Empty;

    public string StorageKey { get; set; } = string.Empty;

    public DateTimeOffset UploadedAt { get; set; }
}
