using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Dvc.Engine.Persistence.Dossiers;

public sealed partial class DossierStore
{
    /// <summary>Records an issued document (its bytes are already in the file store).</summary>
    public async Task<Guid> AddDocumentAsync(Guid dossierId, NewIssuedDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var now = time.GetUtcNow();
        var entity = new DossierDocument
        {
            Id = Guid.CreateVersion7(now),
            DossierId = dossierId,
            Kind = document.Kind,
            TitleVi = document.TitleVi,
            TitleEn = document.TitleEn,
            FileName = document.FileName,
            ContentType = document.ContentType,
            SizeBytes = document.SizeBytes,
            Sha256 = document.Sha256,
            StorageKey = document.StorageKey,
            VerificationCode = NormalizeVerificationCode(document.VerificationCode),
            IssuedAt = now,
        };
        db.DossierDocuments.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return entity.Id;
    }

    /// <summary>A dossier's issued documents, in the order they were issued.</summary>
    public async Task<IReadOnlyList<DossierDocumentRecord>> ListDocumentsAsync(Guid dossierId, CancellationToken cancellationToken) =>
        [.. (await Documents(d => d.DossierId == dossierId).ToListAsync(cancellationToken)).OrderBy(d => d.IssuedAt).ThenBy(d => d.Id)];

    /// <summary>The document printed with <paramref name="verificationCode"/> (case and separators ignored), or null.</summary>
    public async Task<DossierDocumentRecord?> FindDocumentByVerificationCodeAsync(string verificationCode, CancellationToken cancellationToken)
    {
        var code = NormalizeVerificationCode(verificationCode);
        return code is null ? null : await Documents(d => d.VerificationCode == code).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Upper-case letters and digits only, so "ab12-cd34" and "AB12CD34" are one code.</summary>
    public static string? NormalizeVerificationCode(string? code)
    {
        var normalized = code is null ? string.Empty : new string([.. code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant)]);
        return normalized.Length == 0 ? null : normalized;
    }

    private IQueryable<DossierDocumentRecord> Documents(Expression<Func<DossierDocument, bool>> where) =>
        db.DossierDocuments.AsNoTracking().Where(where)
            .Join(db.Dossiers.AsNoTracking(), d => d.DossierId, x => x.Id, (d, x) => new DossierDocumentRecord(
                d.Id, d.DossierId, x.Code, x.AgencyCode, d.Kind, d.TitleVi, d.TitleEn, d.FileName, d.ContentType, d.SizeBytes, d.Sha256, d.StorageKey, d.VerificationCode, d.IssuedAt));
}
