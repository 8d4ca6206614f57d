using Dvc.Engine.Server.Endpoints.Catalog;
using Dvc.Engine.Server.Endpoints.Dossiers;

namespace Dvc.Engine.Server.Endpoints.Tasks;

public sealed record TaskDto(
    Guid Id,
    string Title,
    string DossierCode,
    string ProcedureCode,
    TextDto ProcedureName,
    string AgencyCode,
    string Role,
    string Status,
    string? AssigneeName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt,
    bool Overdue,
    IReadOnlyList<string> Outcomes);

public sealed record TaskDetailDto(TaskDto Task, DossierDto Dossier);

/// <summary>Completes a task: <c>Approve</c>, <c>Reject</c> (comment = reason) or <c>RequestSupplement</c> (comment = message).</summary>
public sealed record CompleteTaskRequest(string Outcome, string? Comment);
