using Dvc.Designer.Access;
using Dvc.Designer.Catalog;

namespace Dvc.Designer.Drafts;

/// <summary>
/// Drafts and the catalog as the designer sees them; the server implements it on its database. Every method checks
/// that <see cref="DesignerUser"/> may work on the procedure's agency.
/// </summary>
public interface IProcedureDrafts
{
    /// <summary>Every procedure the user may edit: published ones and drafts.</summary>
    Task<IReadOnlyList<CatalogEntry>> ListAsync(DesignerUser user, CancellationToken cancellationToken);

    /// <summary>The agencies a new procedure may be assigned to by this user.</summary>
    Task<IReadOnlyList<AgencyChoice>> AgenciesAsync(DesignerUser user, CancellationToken cancellationToken);

    /// <summary>The draft of a procedure, started from its published version on first open.</summary>
    Task<DraftOpen> OpenAsync(DesignerUser user, string code, CancellationToken cancellationToken);

    /// <summary>Saves the files when the stored revision is still <paramref name="expectedRevision"/>.</summary>
    Task<DraftSave> SaveAsync(DesignerUser user, string code, IReadOnlyDictionary<string, string> files, long expectedRevision, int errorCount, CancellationToken cancellationToken);

    /// <summary>Creates a new procedure's draft: from scratch, from the scaffold, from a copy or from an imported bundle.</summary>
    Task<DraftCreate> CreateAsync(DesignerUser user, NewProcedure request, CancellationToken cancellationToken);

    /// <summary>The shared fragments (path under <c>definitions/</c> → text) that forms and fees may reference.</summary>
    Task<IReadOnlyDictionary<string, string>> SharedFragmentsAsync(CancellationToken cancellationToken);
}

public enum DraftAccess
{
    Ok,
    NotFound,
    Forbidden,
    Conflict,
    Invalid,
}

public sealed record DraftOpen(DraftAccess Access, DraftSnapshot? Draft);

/// <summary>A save: <see cref="DraftAccess.Ok"/> with the new revision, or <see cref="DraftAccess.Conflict"/> with the draft in the way.</summary>
public sealed record DraftSave(DraftAccess Access, long Revision, DraftSnapshot? Theirs);

public sealed record DraftCreate(DraftAccess Access, string? Code, string? Message);

public enum NewProcedureSource
{
    Scratch,
    Scaffold,
    Copy,
    Import,
}

/// <summary>What the "new procedure" form asks. <see cref="CopyOf"/> for a copy, <see cref="Files"/> for an import.</summary>
public sealed record NewProcedure(
    NewProcedureSource Source,
    string Code,
    string NameVi,
    string NameEn,
    string AgencyCode,
    string AdministrativeLevel,
    int ServiceLevel,
    string? CopyOf = null,
    IReadOnlyDictionary<string, string>? Files = null);
