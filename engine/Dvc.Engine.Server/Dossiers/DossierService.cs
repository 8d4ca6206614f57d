using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Agencies;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Persistence;
using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Agencies;
using Dvc.Engine.Server.Catalog;
using Dvc.Engine.Server.Localization;
using Dvc.Engine.Server.Storage;
using Dvc.Engine.Server.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Dvc.Engine.Server.Dossiers;

/// <summary>
/// Everything a citizen does with a dossier — submit, save a draft, follow, supplement, download, rate — for pages
/// and API alike. Access: the applicant, the officer who filed it for them, and staff of the handling agency (stored
/// on the dossier at submission, chosen by the procedure's jurisdiction) see the full dossier; officers of another
/// agency see only what a hand-over task shows them (<see cref="HandOverViewAsync"/>); anyone with the code sees the
/// public progress.
/// </summary>
internal sealed partial class DossierService(
    ProcedureCatalog catalog,
    AgencyCatalog agencies,
    DossierStore store,
    DvcDbContext db,
    DraftStore drafts,
    IdempotencyStore idempotency,
    FileStore files,
    DossierResults results,
    IDossierWorkflow workflow,
    AccountService accounts,
    WorkingCalendar calendar,
    DossierTimeline timeline,
    PortalText text,
    Microsoft.Extensions.Options.IOptions<Hosting.UploadOptions> uploads,
    TimeProvider clock,
    ILogger<DossierService> logger)
{
    /// <summary>Errors about an uploaded file are keyed <c>/$attachments/{id}</c>, apart from the form's own pointers.</summary>
    public const string AttachmentErrorPrefix = "/$attachments/";

    public static string AttachmentErrorKey(string attachmentId) => AttachmentErrorPrefix + attachmentId;

    public async Task<SubmitOutcome> SubmitAsync(SubmitCommand command, CancellationToken ct)
    {
        if (catalog.Compiled(command.ProcedureCode) is not { } procedure || catalog.CurrentVersionId(command.ProcedureCode) is not { } versionId)
        {
            return new SubmitOutcome.ProcedureNotFound(command.ProcedureCode);
        }

        var submitter = command.Submitter;
        if (submitter.UserId is null)
        {
            throw new InvalidOperationException("Submissions need a signed-in account; the endpoints require one.");
        }

        if (command.IdempotencyKey is null)
        {
            return await SubmitOnceAsync(procedure, versionId, command, ct);
        }

        await using var gate = await idempotency.LockAsync(submitter.UserId, command.IdempotencyKey, ct);
        var hash = IdempotencyStore.RequestHash(procedure.Code, command.Data.ToJsonString(), command.Files);
        if (await idempotency.FindAsync(submitter.UserId, command.IdempotencyKey, ct) is { } seen)
        {
            if (seen.RequestHash != hash)
            {
                return new SubmitOutcome.KeyReused(command.IdempotencyKey);
            }

            var existing = await store.GetByCodeAsync(seen.DossierCode, ct);
            if (existing is not null)
            {
                return new SubmitOutcome.Submitted(Receipt(existing, procedure, null), Replayed: true);
            }
        }

        var outcome = await SubmitOnceAsync(procedure, versionId, command, ct);
        if (outcome is SubmitOutcome.Submitted submitted)
        {
            await idempotency.RememberAsync(submitter.UserId, command.IdempotencyKey, new IdempotencyRecord(hash, submitted.Receipt.Code), ct);
        }

        return outcome;
    }

    /// <summary>
    /// Checks a submission without filing it: field errors, then eligibility with reasons, else the fee and the
    /// documents this applicant must attach. Nothing is stored.
    /// </summary>
    public SubmitOutcome Assess(string procedureCode, JsonObject data, string culture, IReadOnlyDictionary<string, string[]>? conversionErrors = null)
    {
        if (catalog.Compiled(procedureCode) is not { } procedure)
        {
            return new SubmitOutcome.ProcedureNotFound(procedureCode);
        }

        var command = new SubmitCommand(procedureCode, data, [], Viewer.Anonymous, Culture: culture, ConversionErrors: conversionErrors);
        var assessment = Assess(procedure, command, requireFiles: false);
        if (assessment.Refusal is { } refusal)
        {
            return refusal;
        }

        var (_, fee, checklist, _) = assessment.Decision!.Value;
        return new SubmitOutcome.Assessed(new DossierAssessment(
            fee.Total,
            [.. fee.Lines.Select(l => new FeeLine(l.Label.Get(culture), l.Amount))],
            [.. checklist.Items.Select(i => new ChecklistLine(i.Attachment.Id, i.Attachment.Name.Get(culture), i.Note?.Get(culture)))]));
    }

    private Assessment Assess(CompiledProcedure procedure, SubmitCommand command, bool requireFiles)
    {
        try
        {
            return AssessWithinBudget(procedure, command, requireFiles);
        }
        catch (Core.Rules.RuleEvaluationRefusedException ex)
        {
            // Rules past their time or memory budget (the checklist of an invalid form as much as the decision).
            LogRulesRefused(logger, ex.Procedure, ex.Workflow, ex.Rule ?? "", ex.Reason);
            return new Assessment(new SubmitOutcome.RulesRefused(), null);
        }
    }

    private Assessment AssessWithinBudget(CompiledProcedure procedure, SubmitCommand command, bool requireFiles)
    {
        var culture = command.Culture;
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (pointer, messages) in command.ConversionErrors ?? new Dictionary<string, string[]>())
        {
            Add(errors, pointer, messages);
        }

        var submittedOn = WorkingCalendar.ToLocalDate(clock.GetUtcNow());
        var validation = procedure.ValidateSubmission(command.Data, culture, submittedOn);
        foreach (var error in validation.Errors)
        {
            // A value the portal could not even convert already has its message; the schema's would repeat it.
            if (!errors.ContainsKey(error.Pointer))
            {
                Add(errors, error.Pointer, [error.Text(culture)]);
            }
        }

        AddUnitErrors(procedure, command.Data, errors);

        CheckFiles(procedure, command.Files, errors);
        if (errors.Count > 0)
        {
            // The documents still missing are told in the same answer, so the citizen fixes everything in one round.
            if (requireFiles)
            {
                AddMissingFiles(procedure.Checklist(command.Data, submittedOn), command.Files, culture, errors);
            }

            return new Assessment(new SubmitOutcome.Invalid(Freeze(errors)), null);
        }

        var decision = procedure.Decide(command.Data, submittedOn);

        if (!decision.Eligibility.Eligible)
        {
            return new Assessment(new SubmitOutcome.NotEligible([.. decision.Eligibility.FailedRules.Select(f => new RuleFailure(f.Rule, f.Reason.Get(culture)))]), null);
        }

        if (requireFiles)
        {
            AddMissingFiles(decision.Checklist, command.Files, culture, errors);
        }

        return errors.Count > 0 ? new Assessment(new SubmitOutcome.Invalid(Freeze(errors)), null) : new Assessment(null, decision);
    }

    private async Task<SubmitOutcome> SubmitOnceAsync(CompiledProcedure procedure, Guid versionId, SubmitCommand command, CancellationToken ct)
    {
        var culture = command.Culture;
        var assessment = Assess(procedure, command, requireFiles: true);
        if (assessment.Refusal is { } refusal)
        {
            return refusal;
        }

        var now = clock.GetUtcNow();
        var (_, fee, _, trace) = assessment.Decision!.Value;
        var submitter = command.Submitter;
        string applicantId = submitter.UserId!;
        string applicantName = submitter.Name ?? "";
        string? assistedBy = null;
        if (command.OnBehalfOf is { } citizen && submitter.IsStaff)
        {
            var account = await accounts.EnsureCitizenAsync(citizen.Email, citizen.FullName);
            applicantId = account.Id;
            applicantName = string.IsNullOrEmpty(account.FullName) ? citizen.FullName : account.FullName;
            assistedBy = submitter.UserId;
        }

        var attachments = new List<NewAttachment>();
        foreach (var file in command.Files)
        {
            var key = await files.SaveBlobAsync(file.Content, ct);
            attachments.Add(new NewAttachment(file.AttachmentId, file.FileName, file.ContentType, file.Content.LongLength, FileStore.Sha256(file.Content), key));
        }

        var eventData = DecisionJson(procedure, fee, trace);
        eventData["assistedBy"] = assistedBy;
        eventData["idempotencyKey"] = command.IdempotencyKey;

        // The dossier and its started workflow commit together: a crash in between must not leave a filed dossier
        // that no workflow will ever process.
        await using var scope = await db.BeginWriteTransactionAsync(ct);
        var dossier = await store.CreateAsync(
            new NewDossier
            {
                ProcedureVersionId = versionId,
                // Validation already refused a submission that reaches no agency; the dossier keeps this one for good.
                AgencyCode = procedure.Routing.Handling.Resolve(command.Data).AgencyCode ?? procedure.Manifest.Agency.Code,
                ApplicantUserId = applicantId,
                ApplicantName = string.IsNullOrWhiteSpace(applicantName) ? ApplicantName(command.Data) : applicantName,
                ApplicantCitizenId = command.Data["applicant"]?["citizenId"]?.GetValue<string>(),
                SubmittedByUserId = assistedBy,
                DataJson = command.Data.ToJsonString(),
                Status = DossierStatuses.Submitted,
                SubmittedAt = now,
                DueAt = procedure.LegalDeadline(now, calendar),
                FeeVnd = fee.Total,
                Attachments = attachments,
                SubmittedEventDataJson = eventData.ToJsonString(),
            },
            ct);
        await workflow.StartAsync(procedure, dossier, ct);
        await scope.CommitAsync(ct);
        LogSubmitted(logger, dossier.Code, procedure.Code, assistedBy is not null);

        if (command.DraftId is { } draftId)
        {
            drafts.Delete(submitter.UserId!, draftId);
        }

        var current = await store.GetAsync(dossier.Id, ct) ?? dossier;
        return new SubmitOutcome.Submitted(Receipt(current, procedure, fee.Lines.Select(l => new FeeLine(l.Label.Get(culture), l.Amount)).ToList()), Replayed: false);
    }

    /// <summary>
    /// Saves the form as it is, with the files chosen on it that the procedure accepts (type and size); a file it
    /// would refuse is left out, as it would be refused at submission.
    /// </summary>
    public async Task<Guid> SaveDraftAsync(string procedureCode, JsonObject data, IReadOnlyList<IncomingFile> attached, Viewer viewer, Guid? draftId, CancellationToken ct)
    {
        var acceptable = attached;
        if (catalog.Compiled(procedureCode) is { } procedure)
        {
            var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            CheckFiles(procedure, attached, errors);
            acceptable = [.. attached.Where(f => !errors.ContainsKey(AttachmentErrorKey(f.AttachmentId)))];
        }

        return await drafts.SaveAsync(viewer.UserId ?? throw new InvalidOperationException("Drafts need an account."), procedureCode, data, acceptable, draftId, ct);
    }

    /// <summary>A draft's data and files, or null when it is not the viewer's.</summary>
    public async Task<(JsonObject Data, IReadOnlyList<IncomingFile> Files)?> LoadDraftAsync(Guid draftId, Viewer viewer, CancellationToken ct) =>
        viewer.UserId is { } user && await drafts.LoadAsync(user, draftId, ct) is { } draft && JsonNode.Parse(draft.DataJson) is JsonObject data
            ? (data, await drafts.FilesAsync(draft, ct))
            : null;

    /// <summary>The full view, or null when the dossier does not exist or the viewer may not see it (not told apart).</summary>
    public async Task<DossierView?> FindAsync(string code, Viewer viewer, CancellationToken ct)
    {
        var dossier = await store.GetByCodeAsync(code, ct);
        return dossier is not null && CanSee(dossier, viewer) ? await ViewAsync(dossier, viewer, full: true, ct) : null;
    }

    /// <summary>Public tracking: status and progress only, no personal data.</summary>
    public async Task<DossierView?> TrackAsync(string code, CancellationToken ct)
    {
        var dossier = await store.GetByCodeAsync(code, ct);
        return dossier is null ? null : await ViewAsync(dossier, Viewer.Anonymous, full: false, ct);
    }

    public async Task<IReadOnlyList<DossierListItem>> ListMineAsync(Viewer viewer, CancellationToken ct)
    {
        if (viewer.UserId is not { } user)
        {
            return [];
        }

        var items = new List<DossierListItem>();
        foreach (var draft in await drafts.ListAsync(user, ct))
        {
            items.Add(new DossierListItem(null, draft.Id, draft.ProcedureCode, ProcedureName(draft.ProcedureCode), DossierStatuses.Draft, draft.SavedAt, null));
        }

        foreach (var d in await store.ListByApplicantAsync(user, 0, 500, ct))
        {
            items.Add(new DossierListItem(d.Code, null, d.ProcedureCode, ProcedureName(d.ProcedureCode), d.Status, d.SubmittedAt, DueOn(d.DueAt)));
        }

        return items;
    }

    /// <summary>
    /// The citizen's answer to a supplement request: files, a note, and corrections as a JSON merge patch over the
    /// submission. The corrected data is checked as a submission is — form, administrative units, eligibility, fee and
    /// checklist as of the submission date — and may only touch what the request named. A refused supplement stores
    /// nothing. An accepted one records what changed (old → new) with a new decision trace (the earlier ones stay in the
    /// history), updates the fee, and resumes the workflow on the corrected dossier.
    /// </summary>
    /// <param name="conversionErrors">Values the portal could not even convert (a date that is not a date), by pointer.</param>
    public async Task<CommandResult> SupplementAsync(
        string code, Viewer viewer, JsonObject? data, IReadOnlyList<IncomingFile> newFiles, string? note, IReadOnlyDictionary<string, string[]>? conversionErrors, CancellationToken ct)
    {
        var dossier = await store.GetByCodeAsync(code, ct);
        if (dossier is null || !IsOwner(dossier, viewer))
        {
            return CommandResult.Missing;
        }

        if (dossier.Status != DossierStatuses.AwaitingSupplement)
        {
            return new CommandResult.Conflict(text["dossier.notAwaitingSupplement"]);
        }

        var procedure = catalog.Compiled(dossier.ProcedureVersionId, dossier.ProcedureCode);
        if (procedure is null)
        {
            return CommandResult.Missing;
        }

        var culture = PortalCultures.Current;
        var scope = (await OpenRequestAsync(dossier, ct))?.Scope ?? SupplementScope.Everything;
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (pointer, messages) in conversionErrors ?? new Dictionary<string, string[]>())
        {
            Add(errors, pointer, messages);
        }

        CheckFiles(procedure, newFiles, errors);
        foreach (var file in newFiles.Where(f => !scope.AllowsAttachment(f.AttachmentId)))
        {
            Add(errors, AttachmentErrorKey(file.AttachmentId), [text["supplement.notRequested"]]);
        }

        // Corrections are a merge patch over the submission: the citizen sends what changed, the rest stays as filed.
        var filed = JsonNode.Parse(dossier.DataJson) as JsonObject ?? [];
        var corrected = data is null ? filed : JsonMergePatch.Apply(filed, data);
        var changes = FieldChange.Between(filed, corrected);
        foreach (var change in changes.Where(c => !scope.Allows(c.Pointer)))
        {
            Add(errors, change.Pointer, [text["supplement.notRequested"]]);
        }

        if (newFiles.Count == 0 && string.IsNullOrWhiteSpace(note) && changes.Count == 0)
        {
            Add(errors, "", [text["dossier.supplementEmpty"]]);
        }

        if (changes.Count > 0)
        {
            foreach (var error in procedure.ValidateSubmission(corrected, culture, WorkingCalendar.ToLocalDate(clock.GetUtcNow())).Errors.Where(e => !errors.ContainsKey(e.Pointer)))
            {
                Add(errors, error.Pointer, [error.Text(culture)]);
            }

            AddUnitErrors(procedure, corrected, errors);
        }

        if (errors.Count > 0)
        {
            return new CommandResult.Invalid(Freeze(errors));
        }

        // Decided again as of the day the dossier was filed: the law that applies does not move with the correction.
        var submittedOn = WorkingCalendar.ToLocalDate(dossier.SubmittedAt);
        (Core.Rules.EligibilityResult Eligibility, Core.Rules.FeeResult Fee, Core.Rules.ChecklistResult Checklist, Core.Rules.DecisionTrace Trace) decision = default;
        try
        {
            decision = changes.Count > 0 ? procedure.Decide(corrected, submittedOn) : default;
        }
        catch (Core.Rules.RuleEvaluationRefusedException ex)
        {
            LogRulesRefused(logger, ex.Procedure, ex.Workflow, ex.Rule ?? "", ex.Reason);
            return CommandResult.Refused;
        }

        if (changes.Count > 0)
        {
            if (!decision.Eligibility.Eligible)
            {
                return new CommandResult.NotEligible([.. decision.Eligibility.FailedRules.Select(f => new RuleFailure(f.Rule, f.Reason.Get(culture)))]);
            }

            // Documents the corrected data now requires must come with it.
            AddMissingFiles(decision.Checklist, newFiles, culture, errors, (await store.ListAttachmentsAsync(dossier.Id, ct)).Select(a => a.AttachmentId));

            if (errors.Count > 0)
            {
                return new CommandResult.Invalid(Freeze(errors));
            }
        }

        // The supplement (files, data, event) and the workflow's resume commit together, or the citizen may send again.
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        await db.LockDossierAsync(dossier.Id, ct);
        foreach (var file in newFiles)
        {
            var key = await files.SaveBlobAsync(file.Content, ct);
            await store.AddAttachmentAsync(dossier.Id, new NewAttachment(file.AttachmentId, file.FileName, file.ContentType, file.Content.LongLength, FileStore.Sha256(file.Content), key), ct);
        }

        var eventData = new JsonObject
        {
            ["files"] = new JsonArray([.. newFiles.Select(f => (JsonNode)JsonValue.Create(f.FileName))]),
            ["changes"] = new JsonArray([.. changes.Select(c => (JsonNode)c.ToJson())]),
            ["dataChanged"] = changes.Count > 0,
        };
        if (changes.Count > 0)
        {
            eventData["feeBefore"] = dossier.FeeVnd ?? 0;
            foreach (var (name, value) in DecisionJson(procedure, decision.Fee, decision.Trace))
            {
                eventData[name] = value?.DeepClone();
            }
        }

        var updated = await store.UpdateAsync(
            dossier.Id,
            dossier.Version,
            d =>
            {
                if (changes.Count > 0)
                {
                    d.DataJson = corrected.ToJsonString();
                    d.FeeVnd = decision.Fee.Total;
                    d.ApplicantCitizenId = corrected["applicant"]?["citizenId"]?.GetValue<string>() ?? d.ApplicantCitizenId;
                }
            },
            new NewDossierEvent(viewer.UserId!, DossierEvents.Supplemented, eventData.ToJsonString(), string.IsNullOrWhiteSpace(note) ? null : note.Trim()),
            ct);
        if (updated.Outcome != DossierUpdateOutcome.Updated || updated.Dossier is null)
        {
            return new CommandResult.Conflict(text["problem.conflict"]);
        }

        var step = await workflow.SupplementedAsync(procedure, updated.Dossier, viewer, ct);
        if (!step.Accepted)
        {
            return new CommandResult.Conflict(step.Message ?? text["dossier.notAwaitingSupplement"]);
        }

        await transaction.CommitAsync(ct);
        return CommandResult.Done;
    }

    /// <summary>The supplement or payment request the dossier waits on, from the event that opened it; null when it waits for neither.</summary>
    internal async Task<CitizenRequest?> OpenRequestAsync(DossierRecord dossier, CancellationToken ct) =>
        OpenRequest(dossier, await store.ListEventsAsync(dossier.Id, ct));

    private static CitizenRequest? OpenRequest(DossierRecord dossier, IReadOnlyList<DossierEventRecord> events)
    {
        var kind = dossier.Status switch
        {
            DossierStatuses.AwaitingSupplement => DossierEvents.SupplementRequested,
            DossierStatuses.AwaitingPayment => DossierEvents.PaymentRequested,
            _ => null,
        };
        return kind is not null && events.LastOrDefault(e => e.Kind == kind) is { } opened
            ? CitizenRequest.FromJson(opened.DataJson is { } json ? JsonNode.Parse(json) as JsonObject : null) is { } request
                ? request with { Message = opened.Reason ?? request.Message }
                : null
            : null;
    }

    /// <summary>What a decision stores with its event (submission or supplement): version, fee and its lines, rule results, the full trace.</summary>
    private static JsonObject DecisionJson(CompiledProcedure procedure, Core.Rules.FeeResult fee, Core.Rules.DecisionTrace trace) => new()
    {
        ["procedureVersion"] = procedure.Version,
        ["contentHash"] = procedure.ContentHash,
        ["fee"] = fee.Total,
        ["feeLines"] = new JsonArray([.. fee.Lines.Select(l => (JsonNode)new JsonObject { ["label"] = l.Label.ToJson(), ["amount"] = l.Amount })]),
        ["rules"] = new JsonArray([.. trace.Rules.Select(r => (JsonNode)new JsonObject
        {
            ["workflow"] = r.Workflow,
            ["rule"] = r.Rule,
            ["passed"] = r.Success,
            ["message"] = r.Error,
        })]),
        ["trace"] = trace.ToJson(),
    };

    /// <summary>
    /// Confirms the payment the workflow waits for. Without a payment plugin the portal offers a local simulated
    /// gateway (Development and tests); the plugin's signed callback resumes the same bookmark.
    /// </summary>
    public async Task<CommandResult> PayAsync(string code, Viewer viewer, CancellationToken ct)
    {
        var dossier = await store.GetByCodeAsync(code, ct);
        if (dossier is null || !IsOwner(dossier, viewer) || catalog.Compiled(dossier.ProcedureVersionId, dossier.ProcedureCode) is not { } procedure)
        {
            return CommandResult.Missing;
        }

        if (dossier.Status != DossierStatuses.AwaitingPayment)
        {
            return new CommandResult.Conflict(text["dossier.notAwaitingPayment"]);
        }

        var transaction = $"SIM-{clock.GetUtcNow():yyyyMMddHHmmss}-{dossier.Code}";
        var step = await workflow.PaidAsync(procedure, dossier, transaction, viewer, ct);
        return step.Accepted ? CommandResult.Done : new CommandResult.Conflict(step.Message ?? text["dossier.notAwaitingPayment"]);
    }

    public async Task<CommandResult> RateAsync(string code, Viewer viewer, int rating, string? feedback, CancellationToken ct)
    {
        var dossier = await store.GetByCodeAsync(code, ct);
        if (dossier is null || !IsOwner(dossier, viewer))
        {
            return CommandResult.Missing;
        }

        if (rating is < 1 or > 5)
        {
            return new CommandResult.Invalid(new Dictionary<string, string[]> { ["/rating"] = [text["dossier.ratingRange"]] });
        }

        if (!DossierStatuses.IsFinished(dossier.Status))
        {
            return new CommandResult.Conflict(text["problem.conflict"]);
        }

        var comment = string.IsNullOrWhiteSpace(feedback) ? null : feedback.Trim()[..Math.Min(feedback.Trim().Length, 2000)];
        if (!await store.AddFeedbackAsync(dossier.Id, rating, comment, viewer.UserId, ct))
        {
            return new CommandResult.Conflict(text["dossier.alreadyRated"]);
        }

        await store.AppendEventAsync(dossier.Id, new NewDossierEvent(viewer.UserId!, DossierEvents.Rated, new JsonObject { ["rating"] = rating }.ToJsonString()), ct);
        return CommandResult.Done;
    }

    public async Task<ResultDocument?> GetResultAsync(string code, Viewer viewer, CancellationToken ct)
    {
        var dossier = await store.GetByCodeAsync(code, ct);
        return dossier is not null && CanSee(dossier, viewer) ? await results.ReadAsync(dossier, ct) : null;
    }

    public async Task<ResultDocument?> GetAttachmentAsync(string code, Guid id, Viewer viewer, CancellationToken ct)
    {
        var dossier = await store.GetByCodeAsync(code, ct);
        if (dossier is null || !CanSee(dossier, viewer))
        {
            return null;
        }

        var attachment = (await store.ListAttachmentsAsync(dossier.Id, ct)).FirstOrDefault(a => a.Id == id);
        if (attachment is null || await files.ReadAsync(attachment.StorageKey, ct) is not { } content)
        {
            return null;
        }

        return new ResultDocument(attachment.FileName, attachment.ContentType, content);
    }

    internal static bool IsOwner(DossierRecord dossier, Viewer viewer) =>
        viewer.UserId is not null && (viewer.UserId == dossier.ApplicantUserId || viewer.UserId == dossier.SubmittedByUserId);

    internal static bool CanSee(DossierRecord dossier, Viewer viewer) => IsOwner(dossier, viewer) || viewer.WorksFor(dossier.AgencyCode);

    /// <summary>Builds the view of a dossier; also used by the inbox for the task page.</summary>
    internal async Task<DossierView> ViewAsync(DossierRecord dossier, Viewer viewer, bool full, CancellationToken ct)
    {
        var info = catalog.Find(dossier.ProcedureCode);
        var agencyName = agencies.Name(dossier.AgencyCode, info?.Summary.AgencyName);
        var events = await store.ListEventsAsync(dossier.Id, ct);
        var entries = await timeline.BuildAsync(events, full, full && viewer.WorksFor(dossier.AgencyCode), ct);
        var submitted = events.FirstOrDefault(e => e.Kind == DossierEvents.Submitted);
        var submittedData = submitted?.DataJson is { } json ? JsonNode.Parse(json) as JsonObject : null;
        var version = submittedData?["procedureVersion"]?.GetValue<string>() ?? info?.Summary.Version ?? "";
        var request = OpenRequest(dossier, events);
        var statuses = events.Where(e => e.Kind == DossierEvents.StatusChanged)
            .Select(e => e.DataJson is { } data ? JsonNode.Parse(data)?["to"]?.GetValue<string>() : null)
            .OfType<string>()
            .Append(dossier.Status);
        var progress = DossierView.ProgressOf(statuses);

        if (!full)
        {
            // The deadline of a request is public; what the agency asked and why is not.
            return new DossierView(
                dossier.Code, dossier.ProcedureCode, version, info?.Summary.Name ?? new(dossier.ProcedureCode, null), agencyName,
                dossier.Status, dossier.SubmittedAt, DueOn(dossier.DueAt), dossier.FeeVnd ?? 0, IsFullView: false, IsOwner: false,
                Data: null, Attachments: [], entries, Decisions: [], request is null ? null : request with { Message = null, Scope = SupplementScope.Everything },
                dossier.PausedAt, Supplements: [], HasResult: false, progress, Rating: null, Feedback: null, AssistedBy: null, ApplicantName: null, AgencyCode: dossier.AgencyCode);
        }

        var names = info?.Attachments.ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal) ?? [];
        var attachments = (await store.ListAttachmentsAsync(dossier.Id, ct))
            .Select(a => new AttachmentView(a.Id, a.AttachmentId, names.GetValueOrDefault(a.AttachmentId) ?? new(a.AttachmentId, null), a.FileName, a.ContentType, a.SizeBytes, a.UploadedAt))
            .ToList();
        // The rules of the version the dossier was filed under say what each rule meant at the time.
        var filedUnder = catalog.Compiled(dossier.ProcedureVersionId, dossier.ProcedureCode);
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        var decisions = events.Where(e => e.Kind is DossierEvents.Submitted or DossierEvents.Supplemented)
            .Select(e => DecisionView.From(e, filedUnder, culture))
            .OfType<DecisionView>()
            .ToList();
        var supplements = events.Where(e => e.Kind == DossierEvents.Supplemented).Select(SupplementView.From).ToList();
        var feedback = await db.Feedback.AsNoTracking().Where(f => f.DossierId == dossier.Id).Select(f => new { f.Rating, f.Comment }).FirstOrDefaultAsync(ct);
        var assistedBy = dossier.SubmittedByUserId is { } officer ? await timeline.NameOfAsync(officer, ct) : null;

        return new DossierView(
            dossier.Code, dossier.ProcedureCode, version, info?.Summary.Name ?? new(dossier.ProcedureCode, null), agencyName,
            dossier.Status, dossier.SubmittedAt, DueOn(dossier.DueAt), dossier.FeeVnd ?? 0, IsFullView: true, IsOwner: IsOwner(dossier, viewer),
            JsonNode.Parse(dossier.DataJson) as JsonObject, attachments, entries, decisions, request, dossier.PausedAt, supplements,
            HasResult: dossier.ResultFileKey is not null, progress, feedback?.Rating, feedback?.Comment, assistedBy, dossier.ApplicantName, dossier.AgencyCode);
    }

    /// <summary>
    /// What an officer of another agency sees at a hand-over task ("liên thông"): only the fields and attachments the
    /// task declares in <c>shows</c>, and the public history; never the rule trace, other data or other files.
    /// </summary>
    internal async Task<DossierView> HandOverViewAsync(DossierRecord dossier, TaskDisclosure shows, CancellationToken ct)
    {
        var view = await ViewAsync(dossier, Viewer.Anonymous, full: false, ct);
        var data = JsonNode.Parse(dossier.DataJson) as JsonObject ?? [];
        var shown = new JsonObject();
        foreach (var pointer in shows.Fields)
        {
            if (JsonPointer.TryNavigate(data, pointer, out var value) && value is not null)
            {
                shown = JsonMergePatch.Apply(shown, Nest(JsonPointer.Parse(pointer)!, value.DeepClone()));
            }
        }

        var names = catalog.Find(dossier.ProcedureCode)?.Attachments.ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal) ?? [];
        var attachments = (await store.ListAttachmentsAsync(dossier.Id, ct))
            .Where(a => shows.Attachments.Contains(a.AttachmentId, StringComparer.Ordinal))
            .Select(a => new AttachmentView(a.Id, a.AttachmentId, names.GetValueOrDefault(a.AttachmentId) ?? new(a.AttachmentId, null), a.FileName, a.ContentType, a.SizeBytes, a.UploadedAt))
            .ToList();
        var name = shows.Fields.Contains("/applicant/fullName", StringComparer.Ordinal) ? dossier.ApplicantName : null;
        return view with { Data = shown, Attachments = attachments, ApplicantName = name };

        static JsonObject Nest(IReadOnlyList<string> tokens, JsonNode value)
        {
            var node = value;
            for (var i = tokens.Count - 1; i >= 0; i--)
            {
                node = new JsonObject { [tokens[i]] = node };
            }

            return (JsonObject)node;
        }
    }

    private DossierReceipt Receipt(DossierRecord dossier, CompiledProcedure procedure, IReadOnlyList<FeeLine>? lines) =>
        new(dossier.Code, dossier.FeeVnd ?? 0, lines ?? [], DueOn(dossier.DueAt), dossier.Status);

    /// <summary>The schema cannot say that a ward belongs to its district; the unit lists behind the widgets can.</summary>
    private void AddUnitErrors(CompiledProcedure procedure, JsonObject data, Dictionary<string, List<string>> errors)
    {
        if (catalog.Find(procedure.Code) is not { } info || info.Summary.Version != procedure.Version)
        {
            return;
        }

        foreach (var (pointer, message) in Forms.AdministrativeUnitCheck.Check(info.Form, data, text))
        {
            if (!errors.ContainsKey(pointer))
            {
                Add(errors, pointer, [message]);
            }
        }
    }

    /// <summary>A field error for each document the checklist requires that is neither attached now nor already on file.</summary>
    private void AddMissingFiles(
        Core.Rules.ChecklistResult checklist, IEnumerable<IncomingFile> files, string culture, Dictionary<string, List<string>> errors, IEnumerable<string>? onFile = null)
    {
        var present = files.Select(f => f.AttachmentId).Concat(onFile ?? []).ToHashSet(StringComparer.Ordinal);
        foreach (var item in checklist.Items.Where(i => !present.Contains(i.Attachment.Id)))
        {
            var note = item.Note?.Get(culture);
            Add(errors, AttachmentErrorKey(item.Attachment.Id), [note is null ? text["form.fileRequired"] : $"{text["form.fileRequired"]} {note}"]);
        }
    }

    private void CheckFiles(CompiledProcedure procedure, IReadOnlyList<IncomingFile> incoming, Dictionary<string, List<string>> errors)
    {
        foreach (var file in incoming)
        {
            var key = AttachmentErrorKey(file.AttachmentId);
            if (procedure.Manifest.FindAttachment(file.AttachmentId) is not { } definition)
            {
                Add(errors, key, [text.Format("form.fileUnknown", file.AttachmentId)]);
                continue;
            }

            if (definition.AcceptedTypes.Count > 0 && !definition.AcceptedTypes.Contains(file.ContentType, StringComparer.OrdinalIgnoreCase))
            {
                Add(errors, key, [text["form.fileType"]]);
            }

            // The attachment's own limit, never above the server-wide ceiling.
            var limitMb = definition.MaxSizeMb > 0 ? Math.Min(definition.MaxSizeMb, uploads.Value.MaxFileSizeMb) : uploads.Value.MaxFileSizeMb;
            if (file.Content.LongLength > (long)(limitMb * 1024 * 1024))
            {
                Add(errors, key, [text.Format("form.fileTooLarge", limitMb)]);
            }
        }
    }

    private Forms.LocalizedString ProcedureName(string code) => catalog.Find(code)?.Summary.Name ?? new(code, null);

    private static DateOnly? DueOn(DateTimeOffset? dueAt) => dueAt is { } d ? WorkingCalendar.ToLocalDate(d) : null;

    private static string ApplicantName(JsonObject data) => data["applicant"]?["fullName"]?.GetValue<string>() ?? "";

    private static void Add(Dictionary<string, List<string>> errors, string key, IEnumerable<string> messages)
    {
        if (!errors.TryGetValue(key, out var list))
        {
            errors[key] = list = [];
        }

        list.AddRange(messages.Where(m => !list.Contains(m)));
    }

    private static Dictionary<string, string[]> Freeze(Dictionary<string, List<string>> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    private sealed record Assessment(
        SubmitOutcome? Refusal,
        (Core.Rules.EligibilityResult Eligibility, Core.Rules.FeeResult Fee, Core.Rules.ChecklistResult Checklist, Core.Rules.DecisionTrace Trace)? Decision);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Submission refused: the rules of {Procedure} ('{Workflow}', rule '{Rule}') were stopped: {Reason}")]
    private static partial void LogRulesRefused(ILogger logger, string procedure, string workflow, string rule, string reason);

    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Dossier {Code} submitted for {Procedure} (assisted: {Assisted})")]
    private static partial void LogSubmitted(ILogger logger, string code, string procedure, bool assisted);
}
