using System.Text.Json.Nodes;
using Dvc.Engine.Server.Endpoints.Catalog;

namespace Dvc.Engine.Server.Endpoints.Dossiers;

/// <summary>A submission. Files travel base64-encoded in the same request so it is one idempotent call.</summary>
public sealed record SubmitDossierRequest(string ProcedureCode, JsonObject Data, IReadOnlyList<AttachmentUploadDto>? Attachments = null, AssistedApplicantDto? OnBehalfOf = null);

public sealed record AttachmentUploadDto(string AttachmentId, string FileName, string ContentType, string ContentBase64);

public sealed record AssistedApplicantDto(string Email, string FullName);

public sealed record FeeLineDto(string Label, long Amount);

public sealed record DossierReceiptDto(string Code, string Status, long Fee, IReadOnlyList<FeeLineDto> FeeLines, DateOnly? DueOn);

public sealed record DossierListItemDto(string? Code, Guid? DraftId, string ProcedureCode, TextDto ProcedureName, string Status, DateTimeOffset UpdatedAt, DateOnly? DueOn);

public sealed record TimelineEntryDto(DateTimeOffset At, string Kind, string Title, string? Detail, string? Actor);

public sealed record AttachmentDto(Guid Id, string AttachmentId, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt);

public sealed record RuleTraceDto(string Workflow, string Rule, bool Passed, string? Message);

/// <summary>The owner's (or the agency's) view of a dossier; <c>agencyCode</c> is the handling agency chosen at submission.</summary>
public sealed record DossierDto(
    string Code,
    string ProcedureCode,
    string ProcedureVersion,
    TextDto ProcedureName,
    string Status,
    DateTimeOffset SubmittedAt,
    DateOnly? DueOn,
    long Fee,
    JsonObject? Data,
    IReadOnlyList<AttachmentDto> Attachments,
    IReadOnlyList<TimelineEntryDto> Timeline,
    IReadOnlyList<RuleTraceDto> Rules,
    string? SupplementRequest,
    bool HasResult,
    int? Rating,
    string? AssistedBy,
    string AgencyCode,
    TextDto AgencyName);

/// <summary>The public view: status and progress only.</summary>
public sealed record DossierProgressDto(string Code, TextDto ProcedureName, TextDto AgencyName, string Status, int Progress, DateTimeOffset SubmittedAt, DateOnly? DueOn, IReadOnlyList<TimelineEntryDto> Timeline);

/// <summary>A supplement: <paramref name="Data"/> corrects the submission as a JSON merge patch (RFC 7396: send only what changed, null removes), plus a note and files.</summary>
public sealed record SupplementRequest(JsonObject? Data, string? Note, IReadOnlyList<AttachmentUploadDto>? Attachments = null);

public sealed record RatingRequest(int Rating, string? Feedback);
