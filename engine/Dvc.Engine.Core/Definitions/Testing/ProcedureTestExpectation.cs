using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Definitions.Testing;

/// <summary>The <c>expect</c> object; a null property is not checked.</summary>
/// <param name="LegalDeadline">The dossier's legal deadline in Hanoi time, <c>yyyy-MM-dd</c> or <c>yyyy-MM-ddTHH:mm</c> (then the time is checked too).</param>
public sealed record ProcedureTestExpectation(
    bool? Valid,
    IReadOnlyList<string>? Errors,
    bool? Eligible,
    IReadOnlyList<string>? FailedRules,
    long? Fee,
    IReadOnlyList<string>? Checklist,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Rendered,
    IReadOnlyList<string>? WorkflowPath,
    JsonArray? Steps,
    string? LegalDeadline = null);
