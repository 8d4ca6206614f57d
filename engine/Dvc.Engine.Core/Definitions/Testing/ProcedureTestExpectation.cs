using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Definitions.Testing;

/// <summary>The <c>expect</c> object; a null property is not checked.</summary>
public sealed record ProcedureTestExpectation(
    bool? Valid,
    IReadOnlyList<string>? Errors,
    bool? Eligible,
    IReadOnlyList<string>? FailedRules,
    long? Fee,
    IReadOnlyList<string>? Checklist,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Rendered,
    IReadOnlyList<string>? WorkflowPath,
    JsonArray? Steps);
