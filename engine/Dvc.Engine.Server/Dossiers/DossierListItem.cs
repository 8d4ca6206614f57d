using Dvc.Engine.Server.Forms;

namespace Dvc.Engine.Server.Dossiers;

/// <summary>A line of "my dossiers" (drafts have no code yet and carry their draft id).</summary>
internal sealed record DossierListItem(
    string? Code,
    Guid? DraftId,
    string ProcedureCode,
    LocalizedString ProcedureName,
    string Status,
    DateTimeOffset UpdatedAt,
    DateOnly? DueOn);
