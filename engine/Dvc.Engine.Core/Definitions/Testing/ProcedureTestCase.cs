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
