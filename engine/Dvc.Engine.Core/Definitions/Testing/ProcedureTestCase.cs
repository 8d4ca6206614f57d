using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Definitions.Testing;

/// <summary>
/// One test case from tests/*.json. <see cref="Source"/> is the whole case as written, so runners for other parts
/// (the workflow's <c>workflowPath</c> and <c>steps</c>) read their own keys from it.
/// </summary>
public sealed record ProcedureTestCase(
    string Name,
    string File,
    string Pointer,
    DateOnly SubmittedOn,
    JsonObject Input,
    ProcedureTestExpectation Expect,
    JsonObject Source);

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
