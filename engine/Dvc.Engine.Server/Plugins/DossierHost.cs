using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Core.Templates;
using Dvc.Engine.Persistence;
using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Persistence.Identity;
using Dvc.Engine.Persistence.Workflows;
using Dvc.Engine.Sdk.Hosting;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Dossiers;
using Dvc.Engine.Server.Forms;
using Dvc.Engine.Server.Localization;
using Dvc.Engine.Server.Workflows;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;

namespace Dvc.Engine.Server.Plugins;

/// <summary>
/// The SDK's <see cref="IDossierHost"/>: what plugins read of a dossier, and the one way they move its workflow on
/// (a signal: record, resume and history entry in one transaction). Access follows <see cref="DossierService"/>.
/// </summary>
internal sealed partial class DossierHost(
    DvcDbContext db,
    DossierStore dossiers,
    WorkflowStore workflows,
    PluginRecords records,
    IDossierWorkflow workflow,
    Catalog.ProcedureCatalog catalog,
    Agencies.AgencyCatalog agencies,
    UserManager<DvcUser> users,
    DossierResults results,
    IServer server,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<DossierHost> logger) : IDossierHost
{
    public Uri PublicUrl => PublicAddress(configuration, server);

    public async Task<DossierSnapshot?> FindAsync(string dossierCode, CancellationToken cancellationToken) =>
        await dossiers.GetByCodeAsync(dossierCode, cancellationToken) is { } dossier ? await SnapshotAsync(dossier, cancellationToken) : null;

    public async Task<DossierSnapshot?> FindForAsync(string dossierCode, ClaimsPrincipal viewer, CancellationToken cancellationToken) =>
        await dossiers.GetByCodeAsync(dossierCode, cancellationToken) is { } dossier && DossierService.CanSee(dossier, Viewer.From(viewer))
            ? await SnapshotAsync(dossier, cancellationToken)
            : null;

    public async Task<SignalResult> SignalAsync(DossierSignal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);

        // The record, the resume and the entry commit together; any early return rolls all of them back.
        await using var scope = await db.BeginWriteTransactionAsync(cancellationToken);
        if (await dossiers.GetByCodeAsync(signal.DossierCode, cancellationToken) is not { } dossier)
        {
            return new SignalResult(SignalOutcome.DossierNotFound);
        }

        if (catalog.Compiled(dossier.ProcedureVersionId, dossier.ProcedureCode) is not { } procedure)
        {
            return new SignalResult(SignalOutcome.NotWaiting, "The dossier's procedure version is not served.");
        }

        PluginRecord? saved = null;
        if (signal.Record is { } record && (saved = await records.SaveAsync(record, cancellationToken)) is null)
        {
            return new SignalResult(SignalOutcome.RecordConflict);
        }

        var step = await workflow.SignalAsync(procedure, dossier, signal.BookmarkName, signal.ActivityId, signal.Payload ?? [], signal.Actor, cancellationToken);
        if (step is null || !step.Accepted)
        {
            return new SignalResult(step?.Message is null ? SignalOutcome.NotWaiting : SignalOutcome.Refused, step?.Message);
        }

        if (signal.Note is { } note)
        {
            await AppendAsync(dossier.Id, note, signal.Actor, cancellationToken);
        }

        await scope.CommitAsync(cancellationToken);
        return new SignalResult(SignalOutcome.Resumed, null, saved);
    }

    public async Task<bool> AppendNoteAsync(string dossierCode, DossierNote note, CancellationToken cancellationToken)
    {
        if (await dossiers.GetByCodeAsync(dossierCode, cancellationToken) is not { } dossier)
        {
            return false;
        }

        await AppendAsync(dossier.Id, note, "system", cancellationToken);
        return true;
    }

    public async Task<string?> RenderTemplateAsync(string dossierCode, string templateName, string culture, JsonObject? extra, CancellationToken cancellationToken)
    {
        if (await dossiers.GetByCodeAsync(dossierCode, cancellationToken) is not { } dossier
            || catalog.Compiled(dossier.ProcedureVersionId, dossier.ProcedureCode) is not { } procedure
            || !procedure.Templates.ContainsKey(templateName))
        {
            return null;
        }

        // The last officer's decision, as the workflow's own rendering sees it while resuming.
        var events = await dossiers.ListEventsAsync(dossier.Id, cancellationToken);
        var decided = events.LastOrDefault(e => e.Kind is DossierEvents.TaskCompleted or DossierEvents.HandedBack);
        var decision = decided?.DataJson is { } json ? JsonNode.Parse(json) as JsonObject : null;
        var officer = decided is null ? null : (await users.FindByIdAsync(decided.Actor))?.FullName;
        var model = results.DossierModel(dossier, decision?["outcome"]?.GetValue<string>(), decided?.Reason, officer);
        model["due_on"] = dossier.DueAt is { } due ? WorkingCalendar.ToLocalDate(due).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        var data = JsonNode.Parse(dossier.DataJson) as JsonObject ?? [];
        var rendered = procedure.Render(templateName, new TemplateModel(data, model, WorkingCalendar.ToLocalDate(clock.GetUtcNow()), extra), culture, cancellationToken);
        if (!rendered.Success)
        {
            LogRenderFailed(logger, templateName, dossierCode, rendered.Error ?? "");
            return null;
        }

        return rendered.Text;
    }

    public async Task<DossierDocumentInfo?> FindDocumentAsync(string verificationCode, CancellationToken cancellationToken)
    {
        if (await dossiers.FindDocumentByVerificationCodeAsync(verificationCode, cancellationToken) is not { } document)
        {
            return null;
        }

        var agency = agencies.Name(document.AgencyCode);
        return new DossierDocumentInfo(
            document.DossierCode,
            document.Kind,
            new Bilingual(document.TitleVi, document.TitleEn),
            document.FileName,
            document.ContentType,
            document.Sha256,
            document.VerificationCode,
            document.IssuedAt,
            new Bilingual(agency.Vi, agency.En ?? agency.Vi));
    }

    /// <summary><c>Dvc:PublicUrl</c>, else the first address the server listens on (a wildcard host read as localhost).</summary>
    internal static Uri PublicAddress(IConfiguration configuration, IServer server)
    {
        if (Uri.TryCreate(configuration[$"{Hosting.DvcServerOptions.Section}:PublicUrl"], UriKind.Absolute, out var configured))
        {
            return configured;
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5080";
        address = address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal);
        return new Uri(address.TrimEnd('/') + "/");
    }

    private async Task AppendAsync(Guid dossierId, DossierNote note, string actor, CancellationToken cancellationToken)
    {
        var data = note.Data?.DeepClone() as JsonObject ?? [];
        data["title"] = new JsonObject { ["vi"] = note.Title.Vi, ["en"] = note.Title.En };
        await dossiers.AppendEventAsync(dossierId, new NewDossierEvent(actor, note.Kind, data.ToJsonString(), note.Detail), cancellationToken);
    }

    private async Task<DossierSnapshot> SnapshotAsync(DossierRecord dossier, CancellationToken cancellationToken)
    {
        var procedure = catalog.Compiled(dossier.ProcedureVersionId, dossier.ProcedureCode);
        var info = catalog.Find(dossier.ProcedureCode);
        var name = info?.Summary.Name ?? (procedure is null ? new LocalizedString(dossier.ProcedureCode, null) : new LocalizedString(procedure.Manifest.Name.Vi, procedure.Manifest.Name.En));
        var agency = agencies.Find(dossier.AgencyCode);
        var agencyName = agencies.Name(dossier.AgencyCode, info?.Summary.AgencyName);
        var parent = agency?.Parent is { } parentCode ? agencies.Name(parentCode) : null;
        var user = dossier.ApplicantUserId is { } id ? await users.FindByIdAsync(id) : null;
        var data = JsonNode.Parse(dossier.DataJson) as JsonObject ?? [];
        var applicant = data["applicant"] as JsonObject;

        var waiting = new List<WaitingPoint>();
        foreach (var instance in await workflows.ListForDossierAsync(dossier.Id, cancellationToken))
        {
            foreach (var b in await workflows.ListOpenBookmarksAsync(instance.Id, cancellationToken))
            {
                waiting.Add(new WaitingPoint(b.Name, b.ActivityId, b.PayloadJson is { } p ? JsonNode.Parse(p) as JsonObject ?? [] : [], b.DueAt));
            }
        }

        return new DossierSnapshot(
            dossier.Code,
            dossier.ProcedureCode,
            Both(name),
            procedure?.Manifest.NationalCode,
            dossier.AgencyCode,
            Both(agencyName),
            parent is null ? null : Both(parent),
            dossier.Status,
            dossier.ApplicantName,
            dossier.ApplicantUserId,
            dossier.ApplicantCitizenId,
            !string.IsNullOrWhiteSpace(user?.Email) ? user.Email : Text(applicant?["email"]),
            Text(applicant?["phone"]) ?? user?.PhoneNumber,
            user?.PreferredLanguage == PortalCultures.English ? "en" : "vi",
            dossier.SubmittedAt,
            dossier.DueAt,
            dossier.CompletedAt,
            dossier.FeeVnd,
            procedure?.Manifest.ServiceLevel ?? 3,
            data,
            waiting);

        static Bilingual Both(LocalizedString text) => new(text.Vi, string.IsNullOrEmpty(text.En) ? text.Vi : text.En);

        static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
    }

    [LoggerMessage(EventId = 1210, Level = LogLevel.Warning, Message = "Template {Template} of dossier {Code} did not render for a plugin: {Error}")]
    private static partial void LogRenderFailed(ILogger logger, string template, string code, string error);
}
