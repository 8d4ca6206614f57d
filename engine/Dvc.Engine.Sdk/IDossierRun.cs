using System.Text.Json.Nodes;
using Dvc.Engine.Sdk.Hosting;

namespace Dvc.Engine.Sdk;

/// <summary>
/// What an activity may change about its dossier while it runs; everything is kept with the run and committed with the
/// workflow's new state, or not at all. Resolve it from <see cref="ActivityContext.Services"/> (every host offers it,
/// the <c>dvc</c> simulations keep it in memory).
/// </summary>
public interface IDossierRun
{
    /// <summary>
    /// Renders the procedure template <paramref name="templateName"/> for this dossier in <paramref name="culture"/> with
    /// the run's context (the officer's decision and comment being resumed with), plus <paramref name="extra"/> merged
    /// into the model's top level. Null when the procedure has no such template or it failed.
    /// </summary>
    /// <param name="templateName">A template name of the procedure.</param>
    /// <param name="culture"><c>vi</c> or <c>en</c>.</param>
    /// <param name="extra">Further model values (a payment, a shipment), or null.</param>
    /// <param name="cancellationToken">Cancels rendering.</param>
    ValueTask<string?> RenderTemplateAsync(string templateName, string culture, JsonObject? extra, CancellationToken cancellationToken);

    /// <summary>
    /// Issues a document for the dossier: stored, listed for download, verifiable by its code. A document with a
    /// <see cref="NewDossierDocument.Decision"/> is the dossier's result and decides it, as <c>Dvc.IssueResult</c> does.
    /// </summary>
    /// <param name="document">The document.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask IssueDocumentAsync(NewDossierDocument document, CancellationToken cancellationToken);

    /// <summary>Queues an outbox message, committed with the run.</summary>
    /// <param name="item">The message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask EnqueueAsync(OutboxItem item, CancellationToken cancellationToken);

    /// <summary>Appends an entry to the dossier's history, committed with the run.</summary>
    /// <param name="note">The entry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask AppendNoteAsync(DossierNote note, CancellationToken cancellationToken);
}

/// <summary>A document to issue (see <see cref="IDossierRun.IssueDocumentAsync"/>).</summary>
/// <param name="Kind">What it is: <c>result</c>, <c>refusal</c>, <c>receipt</c>, <c>e-receipt</c>, …</param>
/// <param name="Title">Its title, as the dossier page lists it.</param>
/// <param name="FileName">The download name (<c>HN-2026-0000123-ket-qua.pdf</c>).</param>
/// <param name="ContentType">The media type.</param>
/// <param name="Content">The bytes, exactly as the citizen downloads them (what a verification hashes).</param>
/// <param name="Text">The document as plain text (the dossier's result text; search; the fallback without a renderer).</param>
public sealed record NewDossierDocument(string Kind, Bilingual Title, string FileName, string ContentType, byte[] Content, string Text)
{
    /// <summary>The verification code printed on it, unique; null when it carries none.</summary>
    public string? VerificationCode { get; init; }

    /// <summary><c>Approved</c> or <c>Rejected</c> when this is the dossier's result; null for any other document.</summary>
    public string? Decision { get; init; }

    /// <summary>The template it was rendered from, for the history.</summary>
    public string? Template { get; init; }
}
