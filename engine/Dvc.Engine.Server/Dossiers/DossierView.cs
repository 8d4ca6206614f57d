using System.Text.Json.Nodes;
using Dvc.Engine.Server.Forms;

namespace Dvc.Engine.Server.Dossiers;

/// <summary>
/// A dossier as one viewer may see it. <see cref="IsFullView"/> is false for the public tracking view: then
/// <see cref="Data"/>, attachments, decisions and names are empty and only status, progress and deadlines are shown; and for
/// another agency's officer at a hand-over task, who sees only the fields and attachments the task shows.
/// <see cref="AgencyCode"/> is the handling agency stored on the dossier at submission. <see cref="Request"/> is what
/// the dossier waits for from the citizen (with its deadline); <see cref="ClockPausedAt"/> is set while the statutory
/// clock stands still for it. <see cref="Verified"/> lists the data pointers the national identity vouched for at
/// submission (the rest was typed); <see cref="CitizenIdOfAnother"/>, shown to staff only, is a typed applicant ID number
/// that another citizen proved is theirs. <see cref="Decisions"/> runs oldest first: the last one stands.
/// </summary>
internal sealed record DossierView(
    string Code,
    string ProcedureCode,
    string ProcedureVersion,
    LocalizedString ProcedureName,
    LocalizedString AgencyName,
    string Status,
    DateTimeOffset SubmittedAt,
    DateOnly? DueOn,
    long Fee,
    bool IsFullView,
    bool IsOwner,
    JsonObject? Data,
    IReadOnlyList<AttachmentView> Attachments,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<DecisionView> Decisions,
    CitizenRequest? Request,
    DateTimeOffset? ClockPausedAt,
    IReadOnlyList<SupplementView> Supplements,
    bool HasResult,
    int Progress,
    int? Rating,
    string? Feedback,
    string? AssistedBy,
    string? ApplicantName,
    string AgencyCode = "",
    IReadOnlyList<string>? Verified = null,
    string? CitizenIdOfAnother = null,
    IReadOnlyList<DocumentView>? Documents = null,
    string? PayUrl = null)
{
    public bool CanSupplement => IsOwner && Status == DossierStatuses.AwaitingSupplement;

    public bool CanPay => IsOwner && Status == DossierStatuses.AwaitingPayment;

    public bool CanRate => IsOwner && Rating is null && DossierStatuses.IsFinished(Status);

    public IReadOnlyList<RuleTraceLine> Rules => Decisions.Count > 0 ? Decisions[^1].Rules : [];

    /// <summary>
    /// 0–100 for the progress bar: the furthest point the dossier reached. Waiting for the citizen does not move it
    /// back, so a dossier asked for a supplement during processing still shows how far it got.
    /// </summary>
    public static int ProgressOf(IEnumerable<string> statuses) =>
        statuses.Select(s => s switch
        {
            DossierStatuses.Submitted or DossierStatuses.AwaitingSupplement or DossierStatuses.AwaitingPayment => 20,
            DossierStatuses.Processing => 50,
            _ when DossierStatuses.IsFinished(s) => 100,
            _ => 10,
        }).DefaultIfEmpty(10).Max();
}
