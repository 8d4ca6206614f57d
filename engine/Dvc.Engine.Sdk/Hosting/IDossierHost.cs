using System.Security.Claims;
using System.Text.Json.Nodes;

namespace Dvc.Engine.Sdk.Hosting;

/// <summary>
/// The host's dossiers as plugins reach them outside a workflow run: from an HTTP callback, an outbox delivery or a
/// page. Registered by the server; resolve it from DI. Inside a run use <see cref="IDossierRun"/>.
/// </summary>
public interface IDossierHost
{
    /// <summary>The server's public address, for links and callback URLs (<c>Dvc:PublicUrl</c>, else where it listens).</summary>
    Uri PublicUrl { get; }

    /// <summary>The dossier, or null when no dossier has this code.</summary>
    /// <param name="dossierCode">The dossier code.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<DossierSnapshot?> FindAsync(string dossierCode, CancellationToken cancellationToken);

    /// <summary>
    /// The dossier when <paramref name="viewer"/> may see it in full (the applicant, whoever filed it for them, or staff
    /// of its agency); null otherwise, without telling "missing" from "not yours".
    /// </summary>
    /// <param name="dossierCode">The dossier code.</param>
    /// <param name="viewer">The signed-in user of the request.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<DossierSnapshot?> FindForAsync(string dossierCode, ClaimsPrincipal viewer, CancellationToken cancellationToken);

    /// <summary>Resumes what the dossier's workflow waits for, with a record and a history entry, in one transaction.</summary>
    /// <param name="signal">What happened.</param>
    /// <param name="cancellationToken">Cancels before commit.</param>
    Task<SignalResult> SignalAsync(DossierSignal signal, CancellationToken cancellationToken);

    /// <summary>Appends an entry to the dossier's history. False when no dossier has this code.</summary>
    /// <param name="dossierCode">The dossier code.</param>
    /// <param name="note">The entry.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task<bool> AppendNoteAsync(string dossierCode, DossierNote note, CancellationToken cancellationToken);

    /// <summary>
    /// Renders the procedure template <paramref name="templateName"/> for the dossier as it is now, in
    /// <paramref name="culture"/> (templates read it as <c>culture</c>), with <paramref name="extra"/> merged into the
    /// model's top level. Null when the procedure has no such template or it failed to render (the failure is logged).
    /// </summary>
    /// <param name="dossierCode">The dossier code.</param>
    /// <param name="templateName">A template name of the dossier's procedure version.</param>
    /// <param name="culture"><c>vi</c> or <c>en</c>.</param>
    /// <param name="extra">Further model values (an event's data), or null.</param>
    /// <param name="cancellationToken">Cancels rendering.</param>
    Task<string?> RenderTemplateAsync(string dossierCode, string templateName, string culture, JsonObject? extra, CancellationToken cancellationToken);

    /// <summary>The issued document printed with <paramref name="verificationCode"/>, or null.</summary>
    /// <param name="verificationCode">The code as printed (case and separators are ignored).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<DossierDocumentInfo?> FindDocumentAsync(string verificationCode, CancellationToken cancellationToken);
}
