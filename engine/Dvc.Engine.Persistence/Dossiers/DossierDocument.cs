namespace Dvc.Engine.Persistence.Dossiers;

/// <summary>
/// A document issued for a dossier (the result, a refusal letter, the receipt, an e-receipt): the stored bytes, their
/// SHA-256 and the verification code printed on them, so a public page can tell the real document from a changed one.
/// </summary>
public sealed class DossierDocument
{
    public Guid Id { get; set; }

    public Guid DossierId { get; set; }

    /// <summary><c>result</c>, <c>refusal</c>, <c>receipt</c>, <c>e-receipt</c>…</summary>
    public string Kind { get; set; } = string.Empty;

    public string TitleVi { get; set; } = string.Empty;

    public string TitleEn { get; set; } = string.Empty;

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long SizeBytes { get; set; }

    public string Sha256 { get; set; } = string.Empty;

    public string StorageKey { get; set; } = string.Empty;

    /// <summary>Upper-case, without separators; unique when present.</summary>
    public string? VerificationCode { get; set; }

    public DateTimeOffset IssuedAt { get; set; }
}
