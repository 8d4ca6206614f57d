using Dvc.Engine.Server.Forms;

namespace Dvc.Engine.Server.Tasks;

/// <summary>An inbox line.</summary>
internal sealed record TaskSummary(
    Guid Id,
    string ActivityId,
    string Title,
    string DossierCode,
    string ProcedureCode,
    LocalizedString ProcedureName,
    string AgencyCode,
    string Role,
    string Status,
    string? AssigneeId,
    string? AssigneeName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt,
    bool Overdue,
    IReadOnlyList<TaskOutcome> Outcomes);
