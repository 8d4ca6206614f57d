using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Agencies;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Persistence;
using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Persistence.Idempotency;
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
/// agency see only what a hand-over task shows them (<see cref="HandOverViewAsync"/>); anyone with the code and the
/// applicant's citizen ID or phone sees the public progress.
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
    NationalIdentity.VerifiedFields verifiedFields,
    WorkingCalendar calendar,
    DossierTimeline timeline,
    PortalText text,
    Microsoft.Extensions.Options.IOptions<Hosting.UploadOptions> uploads,
    Microsoft.Extensions.Options.IOptions<Hosting.SubmissionOptions> submissions,
    IEnumerable<Sdk.Hosting.IPaymentGateway> gateways,
    TimeProvider clock,
    ILogger<DossierService> logger)
{
    /// <summary>Errors about an uploaded file are keyed <c>/$attachments/{id}</c>, apart from the form's own pointers.</summary>
    public const string AttachmentErrorPrefix = "/$attachments/";

    public static string AttachmentErrorKey(string attachmentId) => AttachmentErrorPrefix + attachmentId;

    /// <summary>Errors about the citizen an officer files for.</summary>
    public const string OnBehalfEmailField = "/onBehalfOf/email";

    /// <summary>Errors about the <c>Idempotency-Key</c> header are keyed by its name.</summary>
    public const string IdempotencyKeyField = "Idempotency-Key";

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

        if (RequiresNationalIdentity(procedure, submitter))
        {
            return new SubmitOutcome.IdentityRequired();
        }

        // Assisted submission is the handling agency's service at its counter: only its staff file for a citizen
        // (the agency the dossier would go to; a procedure handled by the commune goes to the one the form names).
        if (command.OnBehalfOf is not null && !submitter.WorksFor(HandlingAgency(procedure, command.Data)))
        {
            return new SubmitOutcome.Forbidden(text["assisted.notYourAgency"]);
        }

        if (command.OnBehalfOf is { } onBehalf && !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(onBehalf.Email))
        {
            return new SubmitOutcome.Invalid(new Dictionary<string, string[]> { [OnBehalfEmailField] = [text.Format("identity.invalidEmail", onBehalf.Email)] });
        }

        if (command.IdempotencyKey is not { } key)
        {
            return (await SubmitOnceAsync(procedure, versionId, command, null, ct))!;
        }

        if (key.Length > IdempotencyStore.MaxKeyLength)
        {
            return new SubmitOutcome.Invalid(new Dictionary<string, string[]> { [IdempotencyKeyField] = [text.Format("api.idempotencyKeyTooLong", IdempotencyStore.MaxKeyLength)] });
        }

        // Answered from the record when the key was seen; else filed with the record in the same transaction. An
        // attempt that loses the race to record the key (a retry overtaking its original) rolls back and replays.
        var hash = SubmissionHash(procedure.Code, command);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (await idempotency.FindAsync(submitter.UserId, key, ct) is { } seen)
            {
                if (seen.Operation != IdempotentOperations.Submit || seen.RequestHash != hash)
                {
                    return new SubmitOutcome.KeyReused(key);
                }

                if (await store.GetAsync(seen.DossierId, ct) is not { } existing)
                {
                    return new SubmitOutcome.KeyReused(key);
                }

                // The fee lines as they were answered then, from the decision the submission recorded.
                var filed = (await store.ListEventsAsync(existing.Id, ct)).FirstOrDefault(e => e.Kind == DossierEvents.Submitted);
                var lines = filed is null ? null : DecisionView.From(filed, null, System.Globalization.CultureInfo.GetCultureInfo(command.Culture))?.FeeLines;
                return new SubmitOutcome.Submitted(Receipt(existing, procedure, lines), Replayed: true);
            }

            if (await SubmitOnceAsync(procedure, versionId, command, hash, ct) is { } outcome)
            {
                return outcome;
            }
        }

        return new SubmitOutcome.KeyReused(key);
    }

    /// <summary>
    /// Checks a submission without filing it: field errors, then eligibility with reasons, else the fee and the
    /// documents this applicant must attach. Nothing is stored.
    /// </summary>
    public SubmitOutcome Assess(string procedureCode, JsonObject data, string culture, IReadOnlyDictionary<string, string[]>? conversionErrors = null) =>
        catalog.Compiled(procedureCode) is { } procedure
            ? Assess(procedure, data, culture, conversionErrors)
            : new SubmitOutcome.ProcedureNotFound(procedureCode);

    /// <summary>The same checks for a compiled procedure the catalog does not serve (the designer's preview of a draft).</summary>
    public SubmitOutcome Assess(CompiledProcedure procedure, JsonObject data, string culture, IReadOnlyDictionary<string, string[]>? conversionErrors = null)
    {
        var procedureCode = procedure.Code;
        var command = new SubmitCommand(procedureCode, data, [], Viewer.Anonymous, Culture: culture, ConversionErrors: conversionErrors);
        var assessment = Assess(procedure, command, requireFiles: false, verified: null);
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

    /// <param name="verified">The values the national identity vouched for (<see cref="NationalIdentity.VerifiedFields"/>); a
    /// submission must carry them unchanged.</param>
    private Assessment Assess(CompiledProcedure procedure, SubmitCommand command, bool requireFiles, IReadOnlyDictionary<string, string>? verified)
    {
        try
        {
            return AssessWithinBudget(procedure, command, requireFiles, verified);
        }
        catch (Core.Rules.RuleEvaluationRefusedException ex)
        {
            // Rules past their time or memory budget (the checklist of an invalid form as much as the decision).
            LogRulesRefused(logger, ex.Procedure, ex.Workflow, ex.Rule ?? "", ex.Reason);
            return new Assessment(new SubmitOutcome.RulesRefused(), null);
        }
    }

    private Assessment AssessWithinBudget(CompiledProcedure procedure, SubmitCommand command, bool requireFiles, IReadOnlyDictionary<string, string>? verified)
    {
        var culture = command.Culture;
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (pointer, messages) in command.ConversionErrors ?? new Dictionary<string, string[]>())
        {
            Add(errors, pointer, messages);
        }

        foreach (var pointer in NationalIdentity.VerifiedFields.Changed(command.Data, verified ?? new Dictionary<string, string>()))
        {
            errors[pointer] = [text["identity.verifiedChanged"]];
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
        CheckSize(command.Data, errors);
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

    /// <summary>Files the submission; null when <paramref name="requestHash"/> is set and another attempt recorded the key first.</summary>
    private async Task<SubmitOutcome?> SubmitOnceAsync(CompiledProcedure procedure, Guid versionId, SubmitCommand command, string? requestHash, CancellationToken ct)
    {
        var culture = command.Culture;
        var verified = await verifiedFields.ForAsync(procedure.Form, command.Submitter);
        var assessment = Assess(procedure, command, requireFiles: true, verified);
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
        if (command.OnBehalfOf is { } citizen)
        {
            if (await accounts.AccountForAssistedSubmissionAsync(citizen.Email, citizen.FullName) is not { } account)
            {
                return new SubmitOutcome.Invalid(new Dictionary<string, string[]> { [OnBehalfEmailField] = [text["assisted.accountInUse"]] });
            }

            applicantId = account.Id;
            applicantName = string.IsNullOrEmpty(account.FullName) ? citizen.FullName : account.FullName;
            assistedBy = submitter.UserId;
        }

        var attachments = new List<NewAttachment>();
        foreach (var file in command.Files)
        {
            attachments.Add(await StoreAsync(file, ct));
        }

        var eventData = DecisionJson(procedure, fee, trace);
        eventData["assistedBy"] = assistedBy;
        eventData["idempotencyKey"] = command.IdempotencyKey;
        eventData["citizenIdOfAnother"] = await CitizenIdOfAnotherAsync(command.Data, applicantId, ct);
        // Which data the officer may trust as verified by the national identity, and which were typed.
        eventData["verified"] = verified.Count == 0 ? null : new JsonArray([.. verified.Keys.Order(StringComparer.Ordinal).Select(k => JsonValue.Create(k))]);

        // The dossier, its started workflow and its idempotency record commit together: a crash in between must not
        // leave a filed dossier that no workflow will ever process, nor one that a retry of the same key files again.
        await using var scope = await db.BeginWriteTransactionAsync(ct);
        var dossier = await store.CreateAsync(
            new NewDossier
            {
                ProcedureVersionId = versionId,
                // Validation already refused a submission that reaches no agency; the dossier keeps this one for good.
                AgencyCode = HandlingAgency(procedure, command.Data),
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
        if (requestHash is not null && !await idempotency.TryRememberAsync(submitter.UserId!, command.IdempotencyKey!, IdempotentOperations.Submit, requestHash, dossier.Id, ct))
        {
            return null;
        }

        await scope.CommitAsync(ct);
        LogSubmitted(logger, dossier.Code, procedure.Code, assistedBy is not null);

        if (command.DraftId is { } draftId)
        {
            drafts.Delete(submitter.UserId!, draftId);
        }

        var current = await store.GetAsync(dossier.Id, ct) ?? dossier;
        return new SubmitOutcome.Submitted(Receipt(current, procedure, fee.Lines.Select(l => new FeeLine(l.Label.Get(culture), l.Amount)).ToList()), Replayed: false);
    }

    /// <summary>True when the procedure is filed online only with the national identity and this session did not use it.</summary>
    public static bool RequiresNationalIdentity(CompiledProcedure procedure, Viewer viewer) =>
        procedure.Manifest.RequiresVerifiedIdentity && !viewer.NationalIdentitySession && !viewer.IsStaff;

    /// <summary>
    /// The typed applicant ID number when it belongs to another citizen who proved it with the national identity: not
    /// refused (a relative may file with it, a typo happens) but flagged to the officer.
    /// </summary>
    private async Task<string?> CitizenIdOfAnotherAsync(JsonObject data, string applicantId, CancellationToken ct) =>
        data["applicant"]?["citizenId"] is JsonValue typed && typed.TryGetValue<string>(out var id)
            && await db.Users.AnyAsync(u => u.CitizenId == id && u.IdentityVerifiedAt != null && u.Id != applicantId, ct)
            ? id
            : null;

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
        var dossier = await store.GetByCodeAsync(DossierCodes.Normalize(code), ct);
        if (dossier is null || !CanSee(dossier, viewer))
        {
            return null;
        }

        await RecordReadAsync(dossier, viewer, ct);
        return await ViewAsync(dossier, viewer, full: true, ct);
    }

    /// <summary>
    /// A staff member opened someone else's dossier: recorded in its chained log, once per officer and dossier in
    /// <see cref="ReadWindow"/> so reloading a page does not flood the log.
    /// </summary>
    internal async Task RecordReadAsync(DossierRecord dossier, Viewer viewer, CancellationToken ct)
    {
        if (!viewer.IsStaff || IsOwner(dossier, viewer))
        {
            return;
        }

        if (!await store.HasEventSinceAsync(dossier.Id, DossierEvents.Viewed, viewer.UserId!, clock.GetUtcNow() - ReadWindow, ct))
        {
            await store.AppendEventAsync(dossier.Id, new NewDossierEvent(viewer.UserId!, DossierEvents.Viewed), ct);
        }
    }

    private static readonly TimeSpan ReadWindow = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Public tracking, as the national portal does it: the code together with the applicant's citizen ID or phone
    /// number, and then status and progress only, no submission data. A wrong code and a wrong ID read the same.
    /// </summary>
    public async Task<DossierView?> TrackAsync(string code, string? applicant, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(applicant) || await store.GetByCodeAsync(DossierCodes.Normalize(code), ct) is not { } dossier
            || !IsApplicant(dossier, applicant))
        {
            return null;
        }

        return await ViewAsync(dossier, Viewer.Anonymous, full: false, ct);
    }

    /// <summary>True when <paramref name="typed"/> is the applicant's citizen ID or phone number (spaces, dots, +84 allowed).</summary>
    private static bool IsApplicant(DossierRecord dossier, string typed)
    {
        var digits = new string([.. typed.Where(char.IsAsciiDigit)]);
        if (digits.Length == 0)
        {
            return false;
        }

        var applicant = (JsonNode.Parse(dossier.DataJson) as JsonObject)?["applicant"];
        var phone = applicant?["phone"] is JsonValue p && p.TryGetValue<string>(out var number) ? number : null;
        return Same(dossier.ApplicantCitizenId, digits) || Same(LocalPhone(phone), LocalPhone(digits));

        static string? LocalPhone(string? number)
        {
            var only = number is null ? "" : new string([.. number.Where(char.IsAsciiDigit)]);
            return only.StartsWith("84", StringComparison.Ordinal) && only.Length == 11 ? "0" + only[2..] : only.Length == 0 ? null : only;
        }

        static bool Same(string? known, string? typed) =>
            known is not null && typed is not null
            && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(known), System.Text.Encoding.ASCII.GetBytes(typed));
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

        foreach (var d in await store.ListForPersonAsync(user, viewer.CitizenId, 0, 500, ct))
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
        var onFile = await store.ListAttachmentsAsync(dossier.Id, ct);
        foreach (var (pointer, messages) in conversionErrors ?? new Dictionary<string, string[]>())
        {
            Add(errors, pointer, messages);
        }

        CheckFiles(procedure, newFiles, errors, onFile.Select(a => a.AttachmentId));
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
            CheckSize(corrected, errors);
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
            AddMissingFiles(decision.Checklist, newFiles, culture, errors, onFile.Select(a => a.AttachmentId));

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
            await store.AddAttachmentAsync(dossier.Id, await StoreAsync(file, ct), ct);
        }

        var eventData = new JsonObject
        {
            ["files"] = new JsonArray([.. newFiles.Select(f => (JsonNode)JsonValue.Create(FileNames.Normalize(f.FileName)))]),
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
    public async Task<CommandResult> PayAsync(string code, Viewer viewer, string? idempotencyKey, CancellationToken ct)
    {
        var dossier = await store.GetByCodeAsync(code, ct);
        if (dossier is null || !IsOwner(dossier, viewer) || catalog.Compiled(dossier.ProcedureVersionId, dossier.ProcedureCode) is not { } procedure)
        {
            return CommandResult.Missing;
        }

        // A retried confirmation with the key of one that went through is answered as it was, not as a conflict.
        var hash = idempotencyKey is null ? null : FileStore.Sha256(System.Text.Encoding.UTF8.GetBytes(IdempotentOperations.Pay + "\n" + dossier.Code));
        if (idempotencyKey is not null)
        {
            if (idempotencyKey.Length > IdempotencyStore.MaxKeyLength)
            {
                return new CommandResult.Invalid(new Dictionary<string, string[]> { [IdempotencyKeyField] = [text.Format("api.idempotencyKeyTooLong", IdempotencyStore.MaxKeyLength)] });
            }

            if (await idempotency.FindAsync(viewer.UserId!, idempotencyKey, ct) is { } seen)
            {
                return seen.Operation == IdempotentOperations.Pay && seen.RequestHash == hash
                    ? CommandResult.Done
                    : new CommandResult.Conflict(text["problem.keyReused"]);
            }
        }

        if (dossier.Status != DossierStatuses.AwaitingPayment)
        {
            return new CommandResult.Conflict(text["dossier.notAwaitingPayment"]);
        }

        // A request a gateway plugin serves is settled by the gateway's signed confirmation only, never by this button.
        if (PayUrl(dossier) is not null)
        {
            return new CommandResult.Conflict(text["dossier.payThroughGateway"]);
        }

        // The resumed workflow and the key's record commit together, like a submission and its key.
        await using var scope = await db.BeginWriteTransactionAsync(ct);
        var transaction = $"SIM-{clock.GetUtcNow():yyyyMMddHHmmss}-{dossier.Code}";
        var step = await workflow.PaidAsync(procedure, dossier, transaction, viewer, ct);
        if (!step.Accepted)
        {
            return new CommandResult.Conflict(step.Message ?? text["dossier.notAwaitingPayment"]);
        }

        if (idempotencyKey is not null && !await idempotency.TryRememberAsync(viewer.UserId!, idempotencyKey, IdempotentOperations.Pay, hash!, dossier.Id, ct))
        {
            // Another attempt with this key paid first; this one changes nothing and answers as that one did.
            return CommandResult.Done;
        }

        await scope.CommitAsync(ct);
        return CommandResult.Done;
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
        if (dossier is null || !CanSee(dossier, viewer) || await results.ReadAsync(dossier, ct) is not { } document)
        {
            return null;
        }

        await RecordDownloadAsync(dossier, viewer, "result", document.FileName, ct);
        return document;
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

        await RecordDownloadAsync(dossier, viewer, attachment.AttachmentId, attachment.FileName, ct);
        return new ResultDocument(attachment.FileName, attachment.ContentType, content);
    }

    /// <summary>Every download of a file of the dossier (result or attachment), by anyone, goes into its chained log.</summary>
    internal Task<DossierEventRecord> RecordDownloadAsync(DossierRecord dossier, Viewer viewer, string what, string fileName, CancellationToken ct) =>
        store.AppendEventAsync(
            dossier.Id,
            new NewDossierEvent(viewer.UserId ?? DossierStore.AnonymousActor, DossierEvents.Downloaded, new JsonObject { ["file"] = what, ["fileName"] = fileName }.ToJsonString()),
            ct);

    /// <summary>
    /// The applicant's account, whoever filed it for them, and a verified citizen whose ID number the dossier's applicant
    /// has (one citizen across accounts: filed before linking, from another account, or at the counter).
    /// </summary>
    internal static bool IsOwner(DossierRecord dossier, Viewer viewer) =>
        viewer.UserId is not null && (viewer.UserId == dossier.ApplicantUserId || viewer.UserId == dossier.SubmittedByUserId
            || (viewer.CitizenId is not null && viewer.CitizenId == dossier.ApplicantCitizenId));

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
            HasResult: dossier.ResultFileKey is not null, progress, feedback?.Rating, feedback?.Comment, assistedBy, dossier.ApplicantName, dossier.AgencyCode,
            CitizenIdOfAnother: viewer.IsStaff ? submittedData?["citizenIdOfAnother"]?.GetValue<string>() : null,
            Verified: submittedData?["verified"] is JsonArray verified ? [.. verified.Select(p => p?.GetValue<string>()).OfType<string>()] : null,
            Documents: await DocumentsAsync(dossier, ct), PayUrl: PayUrl(dossier));
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

    /// <summary>
    /// Each file is judged by its content, not by the name or type the client declared: it must be one of the
    /// attachment's accepted types by its first bytes (an EXE or a page sent as application/pdf is refused), agree
    /// with the declared type when one is given, not be empty, fit the size limit, and the slot must not hold more
    /// than the configured number of files (counting the ids of files already on the dossier, <paramref name="filed"/>).
    /// </summary>
    private void CheckFiles(CompiledProcedure procedure, IReadOnlyList<IncomingFile> incoming, Dictionary<string, List<string>> errors, IEnumerable<string>? filed = null)
    {
        var onFile = (filed ?? []).CountBy(id => id, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        foreach (var slot in incoming.GroupBy(f => f.AttachmentId, StringComparer.Ordinal))
        {
            var key = AttachmentErrorKey(slot.Key);
            if (procedure.Manifest.FindAttachment(slot.Key) is not { } definition)
            {
                Add(errors, key, [text.Format("form.fileUnknown", slot.Key)]);
                continue;
            }

            var maxFiles = uploads.Value.MaxFilesPerAttachment;
            if (slot.Count() + onFile.GetValueOrDefault(slot.Key) > maxFiles)
            {
                Add(errors, key, [text.Format("form.fileTooMany", maxFiles)]);
            }

            // The attachment's own limit, never above the server-wide ceiling.
            var limitMb = definition.MaxSizeMb > 0 ? Math.Min(definition.MaxSizeMb, uploads.Value.MaxFileSizeMb) : uploads.Value.MaxFileSizeMb;
            foreach (var file in slot)
            {
                if (file.Content.Length == 0)
                {
                    Add(errors, key, [text["form.fileEmpty"]]);
                    continue;
                }

                var detected = FileSignatures.Detect(file.Content);
                var declared = FileSignatures.MediaType(file.ContentType);
                if (detected is null || (definition.AcceptedTypes.Count > 0 && !definition.AcceptedTypes.Contains(detected, StringComparer.OrdinalIgnoreCase)))
                {
                    Add(errors, key, [text["form.fileType"]]);
                }
                else if (declared is not null && declared != "application/octet-stream" && declared != detected)
                {
                    Add(errors, key, [text["form.fileMismatch"]]);
                }

                if (file.Content.LongLength > (long)(limitMb * 1024 * 1024))
                {
                    Add(errors, key, [text.Format("form.fileTooLarge", limitMb)]);
                }
            }
        }
    }

    /// <summary>Stores a checked file's bytes; the attachment keeps its normalised name and the type its content showed.</summary>
    private async Task<NewAttachment> StoreAsync(IncomingFile file, CancellationToken ct)
    {
        var key = await files.SaveBlobAsync(file.Content, ct);
        var type = FileSignatures.Detect(file.Content) ?? throw new InvalidOperationException("Files are checked before they are stored.");
        return new NewAttachment(file.AttachmentId, FileNames.Normalize(file.FileName), type, file.Content.LongLength, FileStore.Sha256(file.Content), key);
    }

    /// <summary>
    /// Bounds what a submission can carry beyond its fields' own limits: the data as a whole, however its strings
    /// and lists are spread (<see cref="SubmissionOptions.MaxDataKb"/>).
    /// </summary>
    private void CheckSize(JsonObject data, Dictionary<string, List<string>> errors)
    {
        var limit = submissions.Value.MaxDataKb;
        if (System.Text.Encoding.UTF8.GetByteCount(data.ToJsonString()) > limit * 1024L)
        {
            Add(errors, "", [text.Format("form.dataTooLarge", limit)]);
        }
    }

    /// <summary>The agency a dossier with <paramref name="data"/> goes to: the procedure's jurisdiction, else its fixed agency.</summary>
    internal static string HandlingAgency(CompiledProcedure procedure, JsonObject data) =>
        procedure.Routing.Handling.Resolve(data).AgencyCode ?? procedure.Manifest.Agency.Code;

    /// <summary>Procedure, data and each file's content: a retry must send the same submission to get the same dossier.</summary>
    private static string SubmissionHash(string procedureCode, SubmitCommand command) =>
        FileStore.Sha256(System.Text.Encoding.UTF8.GetBytes(
            procedureCode + "\n" + command.Data.ToJsonString() + "\n" + command.OnBehalfOf?.Email + "\n"
            + string.Join("\n", command.Files.Select(a => a.AttachmentId + ":" + FileStore.Sha256(a.Content)))));

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
