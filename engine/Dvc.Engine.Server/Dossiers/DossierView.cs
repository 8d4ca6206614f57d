using System.Text.Json.Nodes;
using Dvc.Engine.Server.Forms;

namespace Dvc.Engine.Server.Dossiers;

/// <summary>
/// A dossier as one viewer may see it. <see cref="IsFullView"/> is false for the public tracking view: then
/// <see cref="Data"/>, attachments, decisions and names are empty and only status and progress are shown; and for
/// another agency's officer at a hand-over task, who sees only the fields and attachments the task shows.
/// <see cref="AgencyCode"/> is the handling agency stored on the dossier at submission.
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
    IReadOnlyList<RuleTraceLine> Rules,
    string? SupplementRequest,
    string? DecisionComment,
    bool HasResult,
    int? Rating,
    string? Feedback,
    string? AssistedBy,
    string? ApplicantName,
    string AgencyCode = "",
    IReadOnlyList<DocumentView>? Documents = null,
    string? PayUrl = null)
{
    public bool CanSupplement => IsOwner && Status == DossierStatuses.AwaitingSupplement;

    public bool CanRate => IsOwner && Rating is null && DossierStatuses.IsFinished(Status);

    /// <summary>0–100 for the progress bar of the public view.</summary>
    public int Progress => Status switch
    {
        DossierStatuses.Submitted => 20,
        DossierStatuses.Processing => 50,
        DossierStatuses.AwaitingSupplement or DossierStatuses.AwaitingPayment => 40,
        _ when DossierStatuses.IsFinished(Status) => 100,
        _ => 10,
    };
}
