using System.Text.Json.Nodes;

namespace Dvc.Engine.Server.Endpoints.Catalog;

/// <summary>Localized text on the wire: both languages, so clients choose.</summary>
public sealed record TextDto(string Vi, string? En);

public sealed record ProcedureListItemDto(
    string Code,
    string Version,
    TextDto Name,
    string AgencyCode,
    TextDto AgencyName,
    string AdministrativeLevel,
    int ServiceLevel,
    decimal ProcessingDays);

public sealed record AttachmentRequirementDto(string Id, TextDto Name, bool Required, IReadOnlyList<string> AcceptedTypes, decimal MaxSizeMb);

public sealed record ProcedureDto(
    ProcedureListItemDto Summary,
    TextDto Description,
    TextDto FeeDescription,
    IReadOnlyList<AttachmentRequirementDto> Attachments,
    IReadOnlyList<string> ResultDelivery,
    IReadOnlyList<string> LegalBasis,
    JsonObject FormSchema);

public sealed record ProcedureVersionDto(Guid Id, string AuthorVersion, string ContentHash, string Status, DateTimeOffset ImportedAt, DateTimeOffset? PublishedAt, int OpenDossiers);

public sealed record AssessmentRequest(JsonObject Data);

public sealed record DocumentDto(string AttachmentId, string Name, string? Note);

/// <summary>An eligible submission's fee and the documents to attach (ineligible ones answer 422).</summary>
public sealed record AssessmentDto(bool Eligible, long Fee, IReadOnlyList<Dvc.Engine.Server.Endpoints.Dossiers.FeeLineDto> FeeLines, IReadOnlyList<DocumentDto> Documents);
