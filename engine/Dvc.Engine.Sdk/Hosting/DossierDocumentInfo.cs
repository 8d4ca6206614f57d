namespace Dvc.Engine.Sdk.Hosting;

/// <summary>A document issued for a dossier (a result, a receipt, an e-receipt), as stored by the host.</summary>
/// <param name="DossierCode">The dossier.</param>
/// <param name="Kind">What it is: <c>result</c>, <c>refusal</c>, <c>receipt</c>, <c>e-receipt</c>, …</param>
/// <param name="Title">Its title.</param>
/// <param name="FileName">The download name.</param>
/// <param name="ContentType">The media type (<c>application/pdf</c>, or <c>text/plain</c> without a renderer).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the stored bytes: what a verification compares.</param>
/// <param name="VerificationCode">The code printed on it, if any.</param>
/// <param name="IssuedAt">When it was issued.</param>
/// <param name="AgencyName">The issuing agency.</param>
public sealed record DossierDocumentInfo(
    string DossierCode,
    string Kind,
    Bilingual Title,
    string FileName,
    string ContentType,
    string Sha256,
    string? VerificationCode,
    DateTimeOffset IssuedAt,
    Bilingual AgencyName);
