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
        var culture = command.Culture;
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (pointer, messages) in command.ConversionErrors ?? new Dictionary<string, string[]>())
        {
            Add(errors, pointer, messages);
        }

        var validation = procedure.ValidateSubmission(command.Data, culture);
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
            return new Assessment(new SubmitOutcome.Invalid(Freeze(errors)), null);
        }

        var submittedOn = WorkingCalendar.ToLocalDate(clock.GetUtcNow());
        var decision = procedure.Decide(command.Data, submittedOn);
        if (!decision.Eligibility.Eligible)
        {
            return new Assessment(new SubmitOutcome.NotEligible([.. decision.Eligibility.FailedRules.Select(f => new RuleFailure(f.Rule, f.Reason.Get(culture)))]), null);
        }

        if (requireFiles)
        {
            var uploaded = command.Files.Select(f => f.AttachmentId).ToHashSet(StringComparer.Ordinal);
            foreach (var item in decision.Checklist.Items.Where(i => !uploaded.Contains(i.Attachment.Id)))
            {
                var note = item.Note?.Get(culture);
                Add(errors, AttachmentErrorKey(item.Attachment.Id), [note is null ? text["form.fileRequired"] : $"{text["form.fileRequired"]} {note}"]);
            }
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

        var rules = trace.Rules.Select(r => new JsonObject
        {
            ["workflow"] = r.Workflow,
            ["rule"] = r.Rule,
            ["passed"] = r.Success,
            ["message"] = r.Error,
        });
        var eventData = new JsonObject
        {
            ["procedureVersion"] = procedure.Version,
            ["contentHash"] = procedure.ContentHash,
            ["fee"] = fee.Total,
            ["feeLines"] = new JsonArray([.. fee.Lines.Select(l => (JsonNode)new JsonObject { ["label"] = l.Label.ToJson(), ["amount"] = l.Amount })]),
            ["rules"] = new JsonArray([.. rules]),
            ["assistedBy"] = assistedBy,
            ["idempotencyKey"] = command.IdempotencyKey,
            ["trace"] = trace.ToJson(),
        };

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
                DueAt = calendar.AddWorkingDays(now, procedure.Manifest.ProcessingDays),
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

    public async Task<Guid> SaveDraftAsync(string procedureCode, JsonObject data, Viewer viewer, Guid? draftId, CancellationToken ct) =>
        await drafts.SaveAsync(viewer.UserId ?? throw new InvalidOperationException("Drafts need an account."), procedureCode, data, draftId, ct);

    public async Task<JsonObject?> LoadDraftAsync(Guid draftId, Viewer viewer, CancellationToken ct) =>
        viewer.UserId is { } user && await drafts.LoadAsync(user, draftId, ct) is { } draft ? JsonNode.Parse(draft.DataJson) as JsonObject : null;

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

    public async Task<CommandResult> SupplementAsync(string code, Viewer viewer, JsonObject? data, IReadOnlyList<IncomingFile> newFiles, string? note, CancellationToken ct)
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

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        CheckFiles(procedure, newFiles, errors);
        if (newFiles.Count == 0 && string.IsNullOrWhiteSpace(note) && data is null)
        {
            Add(errors, "", [text["dossier.supplementEmpty"]]);
        }

        // Corrections are a merge patch over the submission: the citizen sends what changed, the rest stays as filed.
        var corrected = data is null ? null : JsonMergePatch.Apply(JsonNode.Parse(dossier.DataJson) as JsonObject, data);
        if (corrected is not null)
        {
            foreach (var error in procedure.ValidateSubmission(corrected, PortalCultures.Current).Errors)
            {
                Add(errors, error.Pointer, [error.Text(PortalCultures.Current)]);
            }

            AddUnitErrors(procedure, corrected, errors);
        }

        if (errors.Count > 0)
        {
            return new CommandResult.Invalid(Freeze(errors));
        }

        // The supplement (files, data, event) and the workflow's resume commit together, or the citizen may send again.
        await using var scope = await db.BeginWriteTransactionAsync(ct);
        foreach (var file in newFiles)
        {
            var key = await files.SaveBlobAsync(file.Content, ct);
            await store.AddAttachmentAsync(dossier.Id, new NewAttachment(file.AttachmentId, file.FileName, file.ContentType, file.Content.LongLength, FileStore.Sha256(file.Content), key), ct);
        }

        var eventData = new JsonObject
        {
            ["files"] = new JsonArray([.. newFiles.Select(f => (JsonNode)JsonValue.Create(f.FileName))]),
            ["dataChanged"] = data is not null,
        };
        var updated = await store.UpdateAsync(
            dossier.Id,
            dossier.Version,
            d =>
            {
                if (corrected is not null)
                {
                    d.DataJson = corrected.ToJsonString();
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

        await scope.CommitAsync(ct);
        return CommandResult.Done;
    }

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

        // A request a gateway plugin serves is settled by the gateway's signed confirmation only, never by this button.
        if (await PayUrlAsync(dossier, ct) is not null)
        {
            return new CommandResult.Conflict(text["dossier.payThroughGateway"]);
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

        if (!full)
        {
            return new DossierView(
                dossier.Code, dossier.ProcedureCode, version, info?.Summary.Name ?? new(dossier.ProcedureCode, null), agencyName,
                dossier.Status, dossier.SubmittedAt, DueOn(dossier.DueAt), dossier.FeeVnd ?? 0, IsFullView: false, IsOwner: false,
                Data: null, Attachments: [], entries, Rules: [], SupplementRequest: null, DecisionComment: null, HasResult: false,
                Rating: null, Feedback: null, AssistedBy: null, ApplicantName: null, AgencyCode: dossier.AgencyCode);
        }

        var names = info?.Attachments.ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal) ?? [];
        var attachments = (await store.ListAttachmentsAsync(dossier.Id, ct))
            .Select(a => new AttachmentView(a.Id, a.AttachmentId, names.GetValueOrDefault(a.AttachmentId) ?? new(a.AttachmentId, null), a.FileName, a.ContentType, a.SizeBytes, a.UploadedAt))
            .ToList();
        // The rules of the version the dossier was filed under say what each rule meant at the time.
        var filedUnder = catalog.Compiled(dossier.ProcedureVersionId, dossier.ProcedureCode);
        var rules = (submittedData?["rules"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(r => (Workflow: r["workflow"]?.GetValue<string>() ?? "", Rule: r["rule"]?.GetValue<string>() ?? "", r))
            .Select(x => new RuleTraceLine(
                x.Workflow,
                x.Rule,
                x.r["passed"]?.GetValue<bool>() ?? false,
                x.r["message"]?.GetValue<string>(),
                filedUnder?.DescribeRule(x.Workflow, x.Rule)))
            .ToList();
        var supplementRequest = dossier.Status == DossierStatuses.AwaitingSupplement
            ? events.LastOrDefault(e => e.Kind == DossierEvents.SupplementRequested)?.Reason
            : null;
        var feedback = await db.Feedback.AsNoTracking().Where(f => f.DossierId == dossier.Id).Select(f => new { f.Rating, f.Comment }).FirstOrDefaultAsync(ct);
        var assistedBy = dossier.SubmittedByUserId is { } officer ? await timeline.NameOfAsync(officer, ct) : null;

        return new DossierView(
            dossier.Code, dossier.ProcedureCode, version, info?.Summary.Name ?? new(dossier.ProcedureCode, null), agencyName,
            dossier.Status, dossier.SubmittedAt, DueOn(dossier.DueAt), dossier.FeeVnd ?? 0, IsFullView: true, IsOwner: IsOwner(dossier, viewer),
            JsonNode.Parse(dossier.DataJson) as JsonObject, attachments, entries, rules, supplementRequest, DecisionComment: null,
            HasResult: dossier.ResultFileKey is not null, feedback?.Rating, feedback?.Comment, assistedBy, dossier.ApplicantName, dossier.AgencyCode,
            await DocumentsAsync(dossier, ct), await PayUrlAsync(dossier, ct));
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

    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Dossier {Code} submitted for {Procedure} (assisted: {Assisted})")]
    private static partial void LogSubmitted(ILogger logger, string code, string procedure, bool assisted);
}
