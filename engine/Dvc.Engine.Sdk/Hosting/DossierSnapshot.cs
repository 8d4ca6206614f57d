using System.Text.Json.Nodes;

namespace Dvc.Engine.Sdk.Hosting;

/// <summary>A dossier as a plugin sees it outside a workflow run: read-only, taken when asked.</summary>
/// <param name="Code">The dossier code (<c>HN-2026-0000123</c>).</param>
/// <param name="ProcedureCode">The procedure's code.</param>
/// <param name="ProcedureName">The procedure's name.</param>
/// <param name="NationalProcedureCode">The procedure's code on the National Public Service Portal (<c>nationalCode</c> in the manifest), if mapped.</param>
/// <param name="AgencyCode">The handling agency's code.</param>
/// <param name="AgencyName">The handling agency's name.</param>
/// <param name="ParentAgencyName">The agency above it (a department's People's Committee), if any.</param>
/// <param name="Status">The dossier status (<c>Processing</c>, <c>AwaitingPayment</c>, <c>Approved</c>…); an internal name, never shown as is.</param>
/// <param name="ApplicantName">The applicant's full name.</param>
/// <param name="ApplicantUserId">The applicant's account id, if any.</param>
/// <param name="ApplicantCitizenId">The applicant's citizen ID number, if given.</param>
/// <param name="ApplicantEmail">Where to write to the applicant, if known.</param>
/// <param name="ApplicantPhone">The applicant's mobile number, if known.</param>
/// <param name="Language">The applicant's language: <c>vi</c> or <c>en</c>.</param>
/// <param name="SubmittedAt">When it was submitted.</param>
/// <param name="DueAt">The appointment date for the result, if any.</param>
/// <param name="CompletedAt">When it finished, if it did.</param>
/// <param name="Fee">The fee in VND, once computed.</param>
/// <param name="ServiceLevel">3 or 4.</param>
/// <param name="Data">The submission (a copy).</param>
/// <param name="Waiting">What its workflow waits for now.</param>
public sealed record DossierSnapshot(
    string Code,
    string ProcedureCode,
    Bilingual ProcedureName,
    string? NationalProcedureCode,
    string AgencyCode,
    Bilingual AgencyName,
    Bilingual? ParentAgencyName,
    string Status,
    string ApplicantName,
    string? ApplicantUserId,
    string? ApplicantCitizenId,
    string? ApplicantEmail,
    string? ApplicantPhone,
    string Language,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? CompletedAt,
    long? Fee,
    int ServiceLevel,
    JsonObject Data,
    IReadOnlyList<WaitingPoint> Waiting);

/// <summary>One open bookmark of the dossier's workflow.</summary>
/// <param name="Name">The stimulus kind (<see cref="BookmarkNames"/>).</param>
/// <param name="ActivityId">The waiting activity's id.</param>
/// <param name="Payload">What the activity showed (amount to pay, task title…), a copy.</param>
/// <param name="DueAt">When its timer fires by itself, if it has one.</param>
public sealed record WaitingPoint(string Name, string ActivityId, JsonObject Payload, DateTimeOffset? DueAt);
