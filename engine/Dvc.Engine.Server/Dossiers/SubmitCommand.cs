using System.Text.Json.Nodes;
using Dvc.Engine.Server.Accounts;

namespace Dvc.Engine.Server.Dossiers;

/// <summary>
/// A submission from the portal or the API. <see cref="OnBehalfOf"/> is set when an officer submits for a citizen
/// (assisted submission): the citizen owns the dossier and the officer is recorded.
/// </summary>
internal sealed record SubmitCommand(
    string ProcedureCode,
    JsonObject Data,
    IReadOnlyList<IncomingFile> Files,
    Viewer Submitter,
    AssistedApplicant? OnBehalfOf = null,
    string? IdempotencyKey = null,
    string Culture = "vi",
    IReadOnlyDictionary<string, string[]>? ConversionErrors = null,
    Guid? DraftId = null);
