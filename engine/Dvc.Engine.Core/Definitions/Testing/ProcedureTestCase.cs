using System.Text.Json.Nodes;
using Dvc.Engine.Core.Calendar;

namespace Dvc.Engine.Core.Definitions.Testing;

/// <summary>
/// One test case from tests/*.json. <see cref="Source"/> is the whole case as written, so runners for other parts
/// (the workflow's <c>workflowPath</c> and <c>steps</c>) read their own keys from it.
/// </summary>
/// <param name="SubmittedAt">When the dossier is submitted, in Hanoi time (<c>submittedOn</c>; 09:00 when it gives only a date).</param>
public sealed record ProcedureTestCase(
    string Name,
    string File,
    string Pointer,
    DateTimeOffset SubmittedAt,
    JsonObject Input,
    ProcedureTestExpectation Expect,
    JsonObject Source)
{
    /// <summary>The submission date rules and fees are evaluated on.</summary>
    public DateOnly SubmittedOn => WorkingCalendar.ToLocalDate(SubmittedAt);
}
