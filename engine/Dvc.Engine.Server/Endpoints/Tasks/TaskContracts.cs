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
    IReadOnlyList<string> Outcomes,
    IReadOnlyDictionary<string, string> OutcomeLabels);

public sealed record TaskDetailDto(TaskDto Task, DossierDto Dossier);

/// <summary>
/// Completes a task: <c>Approve</c>, <c>Reject</c> (comment = reason) or <c>RequestSupplement</c> (comment = message;
/// <paramref name="Supplement"/> may name the fields and attachments the citizen must correct).
/// </summary>
public sealed record CompleteTaskRequest(string Outcome, string? Comment, SupplementScopeDto? Supplement = null);

/// <summary>Form fields by JSON pointer (<c>/extraCopies</c>; a group or a repeating group as a whole) and attachment ids.</summary>
public sealed record SupplementScopeDto(IReadOnlyList<string>? Fields, IReadOnlyList<string>? Attachments);
