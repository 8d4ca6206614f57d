using System.Security.Claims;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Dossiers;
using Dvc.Engine.Server.Endpoints.Catalog;
using Dvc.Engine.Server.Errors;
using Dvc.Engine.Server.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dvc.Engine.Server.Endpoints.Dossiers;

/// <summary>Submitting and following dossiers. Everything except public progress needs a signed-in account.</summary>
internal static class DossierEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapDossierEndpoints(this IEndpointRouteBuilder app)
    {
        // Every failure is a ProblemDetails; declared so generated clients know them (401 for the whole group).
        var group = app.MapGroup("/api/v1/dossiers").WithTags("Dossiers").RequireAuthorization(DvcPolicies.SignedIn)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/", Submit).WithName("SubmitDossier")
            .WithSummary("Submit a dossier. Repeat with the same Idempotency-Key to get the same dossier back.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", Mine).WithName("ListMyDossiers").WithSummary("The signed-in citizen's dossiers and drafts.");
        group.MapGet("/{code}", Get).WithName("GetDossier").WithSummary("A dossier with its data, attachments, rule results and history (owner or handling agency).").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{code}/progress", Progress).WithName("GetDossierProgress").WithSummary("Public tracking: status and progress only.").AllowAnonymous().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{code}/supplements", Supplement).WithName("SupplementDossier").WithSummary("Send what the agency asked for; corrected data is checked again (form, eligibility, fee, checklist).").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{code}/payments", Pay).WithName("PayDossierFee").WithSummary("Confirm the fee payment the dossier waits for (local simulated gateway).").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{code}/ratings", Rate).WithName("RateDossier").WithSummary("Rate the handling of a finished dossier (1–5) with feedback.").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{code}/attachments", Attachments).WithName("ListDossierAttachments").WithSummary("The dossier's uploaded files.").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{code}/attachments/{id:guid}", Attachment).WithName("DownloadDossierAttachment").WithSummary("Download one uploaded file.").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{code}/result", Result).WithName("DownloadDossierResult").WithSummary("Download the result document (owner).").ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Created<DossierReceiptDto>, Ok<DossierReceiptDto>, ValidationProblem, ProblemHttpResult>> Submit(
        SubmitDossierRequest request,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        ClaimsPrincipal user,
        DossierService dossiers,
        PortalText text,
        CancellationToken ct)
    {
        // A body that parses but leaves out what the record needs (no procedureCode, no data) is the client's
        // mistake: answer it as field errors, like a form, not as a crash.
        if (string.IsNullOrWhiteSpace(request.ProcedureCode))
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["/procedureCode"] = [text["api.procedureCodeRequired"]] }, text);
        }

        var (files, decodeErrors) = ReadUploads(request.Attachments, text);
        var viewer = Viewer.From(user);
        var command = new SubmitCommand(
            request.ProcedureCode.Trim(),
            request.Data ?? new System.Text.Json.Nodes.JsonObject(),
            files,
            viewer,
            viewer.IsStaff && request.OnBehalfOf is { } o ? new AssistedApplicant(o.Email, o.FullName) : null,
            string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim(),
            PortalCultures.Current,
            decodeErrors);

        return await dossiers.SubmitAsync(command, ct) switch
        {
            SubmitOutcome.Submitted { Replayed: true } s => TypedResults.Ok(ToDto(s.Receipt)),
            SubmitOutcome.Submitted s => TypedResults.Created($"/api/v1/dossiers/{s.Receipt.Code}", ToDto(s.Receipt)),
            SubmitOutcome.Invalid i => ApiProblems.Validation(i.Errors, text),
            SubmitOutcome.NotEligible n => ApiProblems.NotEligible(n.Failures, text),
            SubmitOutcome.KeyReused k => ApiProblems.Conflict(text["problem.keyReused"], text),
            SubmitOutcome.RulesRefused => ApiProblems.RulesRefused(text),
            _ => ApiProblems.NotFound(text, request.ProcedureCode),
        };
    }

    private static async Task<Ok<DossierListItemDto[]>> Mine(ClaimsPrincipal user, DossierService dossiers, CancellationToken ct)
    {
        var items = await dossiers.ListMineAsync(Viewer.From(user), ct);
        return TypedResults.Ok(items.Select(i => new DossierListItemDto(i.Code, i.DraftId, i.ProcedureCode, CatalogEndpoints.ToDto(i.ProcedureName), i.Status, i.UpdatedAt, i.DueOn)).ToArray());
    }

    private static async Task<Results<Ok<DossierDto>, ProblemHttpResult>> Get(string code, ClaimsPrincipal user, DossierService dossiers, PortalText text, CancellationToken ct) =>
        await dossiers.FindAsync(code, Viewer.From(user), ct) is { } d ? TypedResults.Ok(ToDto(d)) : ApiProblems.NotFound(text, code);

    private static async Task<Results<Ok<DossierProgressDto>, ProblemHttpResult>> Progress(string code, DossierService dossiers, PortalText text, CancellationToken ct) =>
        await dossiers.TrackAsync(code, ct) is { } d
            ? TypedResults.Ok(new DossierProgressDto(
                d.Code, CatalogEndpoints.ToDto(d.ProcedureName), CatalogEndpoints.ToDto(d.AgencyName), d.Status, d.Progress, d.SubmittedAt, d.DueOn, [.. d.Timeline.Select(ToDto)],
                ToDto(d.Request), d.ClockPausedAt))
            : ApiProblems.NotFound(text, code);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Supplement(
        string code, SupplementRequest request, ClaimsPrincipal user, DossierService dossiers, PortalText text, CancellationToken ct)
    {
        var (files, decodeErrors) = ReadUploads(request.Attachments, text);
        if (decodeErrors.Count > 0)
        {
            return ApiProblems.Validation(decodeErrors, text);
        }

        return ToResult(await dossiers.SupplementAsync(code, Viewer.From(user), request.Data, files, request.Note, null, ct), text);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Pay(
        string code, ClaimsPrincipal user, DossierService dossiers, PortalText text, CancellationToken ct) =>
        ToResult(await dossiers.PayAsync(code, Viewer.From(user), ct), text);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Rate(
        string code, RatingRequest request, ClaimsPrincipal user, DossierService dossiers, PortalText text, CancellationToken ct) =>
        ToResult(await dossiers.RateAsync(code, Viewer.From(user), request.Rating, request.Feedback, ct), text);

    private static async Task<Results<Ok<AttachmentDto[]>, ProblemHttpResult>> Attachments(string code, ClaimsPrincipal user, DossierService dossiers, PortalText text, CancellationToken ct) =>
        await dossiers.FindAsync(code, Viewer.From(user), ct) is { } d
            ? TypedResults.Ok(d.Attachments.Select(ToDto).ToArray())
            : ApiProblems.NotFound(text, code);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Attachment(string code, Guid id, ClaimsPrincipal user, DossierService dossiers, PortalText text, CancellationToken ct) =>
        await dossiers.GetAttachmentAsync(code, id, Viewer.From(user), ct) is { } f
            ? TypedResults.File(f.Content, f.ContentType, f.FileName)
            : ApiProblems.NotFound(text, code);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Result(string code, ClaimsPrincipal user, DossierService dossiers, PortalText text, CancellationToken ct) =>
        await dossiers.GetResultAsync(code, Viewer.From(user), ct) is { } f
            ? TypedResults.File(f.Content, f.ContentType, f.FileName)
            : ApiProblems.NotFound(text, code);

    /// <summary>
    /// Decodes base64 uploads. An entry without an id, a name, a type or valid base64 content is a field error at
    /// its attachment key; JSON leaves such members null even though the record says they are not.
    /// </summary>
    private static (List<IncomingFile> Files, Dictionary<string, string[]> Errors) ReadUploads(IReadOnlyList<AttachmentUploadDto?>? uploads, PortalText text)
    {
        var files = new List<IncomingFile>();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var a in uploads ?? [])
        {
            var key = DossierService.AttachmentErrorKey(string.IsNullOrWhiteSpace(a?.AttachmentId) ? "" : a.AttachmentId);
            var fileName = a?.FileName is { } name ? Path.GetFileName(name) : null;
            if (a is null || string.IsNullOrWhiteSpace(a.AttachmentId) || string.IsNullOrWhiteSpace(fileName)
                || string.IsNullOrWhiteSpace(a.ContentType) || a.ContentBase64 is null)
            {
                errors[key] = [text["api.attachmentIncomplete"]];
                continue;
            }

            var buffer = new byte[a.ContentBase64.Length * 3 / 4 + 3];
            if (Convert.TryFromBase64String(a.ContentBase64, buffer, out var written))
            {
                files.Add(new IncomingFile(a.AttachmentId, fileName, a.ContentType, buffer[..written]));
            }
            else
            {
                errors[key] = [text["api.attachmentNotBase64"]];
            }
        }

        return (files, errors);
    }

    internal static Results<NoContent, ValidationProblem, ProblemHttpResult> ToResult(CommandResult result, PortalText text) => result switch
    {
        CommandResult.Ok => TypedResults.NoContent(),
        CommandResult.Invalid i => ApiProblems.Validation(i.Errors, text),
        CommandResult.NotEligible n => ApiProblems.NotEligible(n.Failures, text),
        CommandResult.RulesRefused => ApiProblems.RulesRefused(text),
        CommandResult.Conflict c => ApiProblems.Conflict(c.Message, text),
        _ => ApiProblems.NotFound(text),
    };

    private static DossierReceiptDto ToDto(DossierReceipt r) =>
        new(r.Code, r.Status, r.Fee, [.. r.FeeLines.Select(l => new FeeLineDto(l.Label, l.Amount))], r.DueOn);

    internal static TimelineEntryDto ToDto(TimelineEntry e) => new(e.At, e.Kind, e.Title, e.Detail, e.Actor);

    private static AttachmentDto ToDto(AttachmentView a) => new(a.Id, a.AttachmentId, a.FileName, a.ContentType, a.Size, a.UploadedAt);

    internal static DossierDto ToDto(DossierView d)
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        return new(
            d.Code, d.ProcedureCode, d.ProcedureVersion, CatalogEndpoints.ToDto(d.ProcedureName), d.Status, d.SubmittedAt, d.DueOn, d.Fee,
            d.Data, [.. d.Attachments.Select(ToDto)], [.. d.Timeline.Select(ToDto)],
            [.. d.Rules.Select(r => new RuleTraceDto(r.Workflow, r.Rule, r.Title.Get(culture), r.Passed, r.Message, r.Inputs.ToDictionary(i => i.Key, i => i.Value), r.Amount))],
            d.Request?.Kind == CitizenRequest.Supplement ? d.Request.Message : null, d.HasResult, d.Rating, d.AssistedBy,
            d.AgencyCode, CatalogEndpoints.ToDto(d.AgencyName),
            d.Decisions.Count > 0 ? [.. d.Decisions[^1].FeeLines.Select(l => new FeeLineDto(l.Label, l.Amount))] : [],
            ToDto(d.Request),
            d.ClockPausedAt,
            [.. d.Supplements.Select(s => new SupplementDto(s.At, [.. s.Changes.Select(c => new FieldChangeDto(c.Pointer, c.Old, c.New))], s.FeeBefore, s.FeeAfter, s.Note))]);
    }

    private static CitizenRequestDto? ToDto(CitizenRequest? r) => r is null ? null : new(
        r.Kind, r.Message, r.DueAt, r.DueAt is { } due ? Core.Calendar.DeadlineText.Format(due, PortalCultures.IsEnglish) : null,
        r.Days, r.Unit?.ToString(), r.Amount, r.Scope.Fields, r.Scope.Attachments);
}
