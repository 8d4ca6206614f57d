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

/// <summary>A rule of the standing decision: its title in the request culture, whether it held, the values it read (by JSON pointer), a fee rule's amount.</summary>
public sealed record RuleTraceDto(string Workflow, string Rule, string Title, bool Passed, string? Message, IReadOnlyDictionary<string, JsonNode?> Inputs, long? Amount);

/// <summary>
/// What the dossier waits for from the citizen: <c>supplement</c> or <c>payment</c>, the deadline (an instant, and as
/// people read it in the request culture), the declared period, and what a supplement request names.
/// </summary>
public sealed record CitizenRequestDto(
    string Kind, string? Message, DateTimeOffset? DueAt, string? Deadline, double Days, string? DaysUnit, long? Amount, IReadOnlyList<string> Fields, IReadOnlyList<string> Attachments);

public sealed record FieldChangeDto(string Pointer, JsonNode? Old, JsonNode? New);

/// <summary>A supplement the citizen sent: what it changed, the fee before and after (when the data changed), the note.</summary>
public sealed record SupplementDto(DateTimeOffset At, IReadOnlyList<FieldChangeDto> Changes, long? FeeBefore, long? FeeAfter, string? Note);

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
    TextDto AgencyName,
    IReadOnlyList<FeeLineDto> FeeLines,
    CitizenRequestDto? Request,
    DateTimeOffset? ClockPausedAt,
    IReadOnlyList<SupplementDto> Supplements);

/// <summary>The public view: status and progress only.</summary>
public sealed record DossierProgressDto(
    string Code, TextDto ProcedureName, TextDto AgencyName, string Status, int Progress, DateTimeOffset SubmittedAt, DateOnly? DueOn, IReadOnlyList<TimelineEntryDto> Timeline,
    CitizenRequestDto? Request, DateTimeOffset? ClockPausedAt);

/// <summary>A supplement: <paramref name="Data"/> corrects the submission as a JSON merge patch (RFC 7396: send only what changed, null removes), plus a note and files.</summary>
public sealed record SupplementRequest(JsonObject? Data, string? Note, IReadOnlyList<AttachmentUploadDto>? Attachments = null);

public sealed record RatingRequest(int Rating, string? Feedback);
