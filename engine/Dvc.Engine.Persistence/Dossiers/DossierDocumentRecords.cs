namespace Dvc.Engine.Persistence.Dossiers;

public sealed record NewIssuedDocument(
    string Kind, string TitleVi, string TitleEn, string FileName, string ContentType, long SizeBytes, string Sha256, string StorageKey, string? VerificationCode);

public sealed record DossierDocumentRecord(
    Guid Id,
    Guid DossierId,
    string DossierCode,
    string AgencyCode,
    string Kind,
    string TitleVi,
    string TitleEn,
    string FileName,
    string ContentType,
    long SizeBytes,
    string Sha256,
    string StorageKey,
    string? VerificationCode,
    DateTimeOffset IssuedAt);
