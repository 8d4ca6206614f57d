using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Core.Workflows.Dossiers;
using Dvc.Engine.Core.Workflows.Runtime;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Cli.Commands;

/// <summary>
/// <c>dvc run &lt;workflow.json | procedure folder&gt; --input data.json [--steps steps.json]</c>: runs a workflow in
/// memory, prints every executed step and every waiting point, and answers the waits from the steps file:
/// <c>{"task": "&lt;activity id&gt;", "outcome": "Approve", "comment": "…"}</c>, <c>{"payment": "Paid"}</c>,
/// <c>{"supplement": {…}}</c>, <c>{"event": "name"}</c>, <c>{"timer": true}</c>, <c>{"runTask": "name"}</c>.
/// Exit codes: 0 finished, 1 faulted, 2 still waiting when the steps ran out, 3 the workflow does not compile,
/// 4 a file is missing or unreadable, 5 a step did not match what the workflow waits for.
/// </summary>
internal static class RunCommand
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A workflow.json, or a procedure folder containing procedure.json" };
        var input = new Option<string?>("--input", "-i") { Description = "The submission (form data) as a JSON file" };
        var steps = new Option<string?>("--steps", "-s") { Description = "Answers to the waiting points, a JSON array" };
        var fee = new Option<decimal?>("--fee") { Description = "The fee in VND, as the fee rules would compute it" };
        var command = new Command("run", "Run a workflow in memory and answer its waits from a steps file") { path, input, steps, fee };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(path)!,
            parseResult.GetValue(input),
            parseResult.GetValue(steps),
            parseResult.GetValue(fee),
            parseResult.InvocationConfiguration.Output,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string path, string? inputFile, string? stepsFile, decimal? fee, TextWriter output, CancellationToken cancellationToken)
    {
        if (Load(path, output) is not { } target)
        {
            return 4;
        }

        var compiled = WorkflowCompiler.Compile(target.Json, target.File, new WorkflowCompileContext(target.Roles, ActivityRegistry.CreateDefault(), target.Templates, target.RulesWorkflows));
        foreach (var diagnostic in compiled.Diagnostics)
        {
            await output.WriteLineAsync(diagnostic.ToString());
        }

        if (compiled.Workflow is not { } workflow)
        {
            return 3;
        }

        JsonElement data;
        JsonArray answers;
        try
        {
            data = inputFile is null ? JsonSerializer.SerializeToElement(new { }) : JsonDocument.Parse(await File.ReadAllBytesAsync(inputFile, cancellationToken)).RootElement.Clone();
            answers = stepsFile is null ? [] : JsonNode.Parse(await File.ReadAllBytesAsync(stepsFile, cancellationToken)) as JsonArray ?? [];
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync($"Không đọc được tệp / cannot read file: {ex.Message}");
            return 4;
        }

        var clock = new SteppingClock(TimeProvider.System.GetUtcNow());
        var services = new InMemoryDossierServices();
        var interpreter = new WorkflowInterpreter(services, clock);
        var dossier = new DossierInfo($"RUN-{clock.GetUtcNow():yyyyMMddHHmmss}", target.ProcedureCode, data, fee, 4);
        var printer = new Printer(output, workflow);

        var result = await interpreter.StartAsync(workflow, dossier, cancellationToken: cancellationToken);
        await printer.PrintAsync(result);
        foreach (var answer in answers.OfType<JsonObject>())
        {
            if (result.Status != WorkflowStatus.Suspended)
            {
                break;
            }

            var next = await AnswerAsync(interpreter, workflow, result, answer, clock, cancellationToken);
            if (next is null || !next.Accepted)
            {
                await output.WriteLineAsync($"✗ Bước {answer.ToJsonString(Readable)} không khớp / step does not match: {next?.Refusal ?? "no such waiting point"}");
                return 5;
            }

            await output.WriteLineAsync($"→ {answer.ToJsonString(Readable)}");
            result = next;
            await printer.PrintAsync(result);
        }

        await output.WriteLineAsync(result.Status switch
        {
            WorkflowStatus.Finished => "✓ Hoàn tất / finished",
            WorkflowStatus.Faulted => $"✗ Lỗi / faulted at '{result.State.Fault?.ActivityId}': {result.State.Fault?.Message}",
            _ => $"… Đang chờ / still waiting ({result.Bookmarks.Count} waiting point(s))",
        });
        return result.Status switch
        {
            WorkflowStatus.Finished => 0,
            WorkflowStatus.Faulted => 1,
            _ => 2,
        };
    }

    private static async Task<WorkflowRunResult?> AnswerAsync(WorkflowInterpreter interpreter, CompiledWorkflow workflow, WorkflowRunResult current, JsonObject answer, SteppingClock clock, CancellationToken cancellationToken)
    {
        var state = current.State;
        WorkflowBookmark? Find(Func<WorkflowBookmark, bool> predicate) => state.Bookmarks.FirstOrDefault(predicate);

        if (answer["task"]?.ToString() is { } task)
        {
            var bookmark = Find(b => b.ActivityId == task && b.Name == "Dvc.HumanTask") ?? Find(b => b.ActivityId == task);
            var payload = new JsonObject
            {
                ["outcome"] = answer["outcome"]?.DeepClone(),
                ["comment"] = answer["comment"]?.DeepClone(),
                ["data"] = answer["data"]?.DeepClone(),
                ["officer"] = answer["officer"]?.DeepClone() ?? "dvc run",
            };
            return bookmark is null ? null : await interpreter.ResumeAsync(workflow, state, bookmark.Id, payload, cancellationToken);
        }

        if (answer["payment"]?.ToString() is { } payment)
        {
            var bookmark = Find(b => b.Name == "Dvc.RequestPayment");
            var payload = new JsonObject { ["status"] = payment, ["transactionId"] = answer["transactionId"]?.DeepClone() ?? "RUN-TX" };
            return bookmark is null ? null : await interpreter.ResumeAsync(workflow, state, bookmark.Id, payload, cancellationToken);
        }

        if (answer.ContainsKey("supplement"))
        {
            var bookmark = Find(b => b.Name == "Dvc.WaitForSupplement");
            var supplement = answer["supplement"];
            JsonNode payload = supplement is JsonValue v && v.ToString() == "Expired"
                ? new JsonObject { ["outcome"] = "Expired" }
                : new JsonObject { ["data"] = supplement?.DeepClone() };
            return bookmark is null ? null : await interpreter.ResumeAsync(workflow, state, bookmark.Id, payload, cancellationToken);
        }

        if (answer["event"]?.ToString() is { } eventName)
        {
            return await interpreter.PublishEventAsync(workflow, state, eventName, answer["payload"]?.DeepClone(), cancellationToken);
        }

        if (answer["runTask"]?.ToString() is { } taskName)
        {
            var bookmark = Find(b => b.Name == "RunTask" && b.Key == taskName);
            return bookmark is null ? null : await interpreter.ResumeAsync(workflow, state, bookmark.Id, answer["result"]?.DeepClone(), cancellationToken);
        }

        if (answer.ContainsKey("timer"))
        {
            var due = state.Bookmarks.Where(b => b.DueAt is not null).OrderBy(b => b.DueAt).FirstOrDefault();
            if (due is null)
            {
                return null;
            }

            clock.MoveTo(due.DueAt!.Value);
            return await interpreter.ResumeDueTimersAsync(workflow, state, cancellationToken);
        }

        return null;
    }

    private static Target? Load(string path, TextWriter output)
    {
        try
        {
            if (Directory.Exists(path))
            {
                var manifestFile = Path.Combine(path, "procedure.json");
                var manifest = JsonNode.Parse(File.ReadAllBytes(manifestFile)) as JsonObject ?? [];
                var workflowName = manifest["parts"]?["workflow"]?.ToString() ?? "workflow.json";
                var roles = (manifest["roles"] as JsonArray ?? []).Select(r => r?["id"]?.ToString()).OfType<string>().ToList();
                var file = Path.Combine(path, workflowName);
                var templates = (manifest["parts"]?["templates"] as JsonObject)?.Select(t => t.Key).ToList();
                var rulesFile = manifest["parts"]?["rules"]?.ToString() is { } rulesName ? Path.Combine(path, rulesName) : null;
                var rules = rulesFile is not null && File.Exists(rulesFile) && JsonNode.Parse(File.ReadAllBytes(rulesFile)) is JsonArray workflows
                    ? workflows.Select(w => w?["WorkflowName"]?.ToString()).OfType<string>().ToList()
                    : null;
                return new Target(File.ReadAllBytes(file), file, roles, manifest["code"]?.ToString() ?? Path.GetFileName(Path.GetFullPath(path)), templates, rules);
            }

            return new Target(File.ReadAllBytes(path), path, null, "RUN", null, null);
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            output.WriteLine($"Không đọc được / cannot read '{path}': {ex.Message}");
            return null;
        }
    }

    private sealed record Target(byte[] Json, string File, IReadOnlyCollection<string>? Roles, string ProcedureCode, IReadOnlyCollection<string>? Templates, IReadOnlyCollection<string>? RulesWorkflows);

    /// <summary>Prints what happened since the last call: executed steps, log lines, waiting points.</summary>
    private sealed class Printer(TextWriter output, CompiledWorkflow workflow)
    {
        private int _trace;
        private int _log;

        public async Task PrintAsync(WorkflowRunResult result)
        {
            var state = result.State;
            var pendingLog = state.Log.Skip(_log).ToList();
            foreach (var entry in state.Trace.Skip(_trace))
            {
                var line = entry.Event switch
                {
                    WorkflowTraceEvent.Completed when entry.Outcomes.Count > 0 && entry.ActivityType != "Elsa.Flowchart" =>
                        $"  ✓ {entry.ActivityId} ({entry.ActivityType}) → {string.Join(", ", entry.Outcomes)}",
                    WorkflowTraceEvent.Skipped => $"  · {entry.ActivityId} bỏ qua / skipped",
                    WorkflowTraceEvent.Cancelled => $"  ⨯ {entry.ActivityId} huỷ / cancelled",
                    WorkflowTraceEvent.Resumed => $"  ↻ {entry.ActivityId} tiếp tục / resumed",
                    WorkflowTraceEvent.Faulted => $"  ✗ {entry.ActivityId} lỗi / faulted",
                    _ => null,
                };
                if (line is not null)
                {
                    await output.WriteLineAsync(line);
                }

                // An activity's log lines are written while it runs; show them under its step.
                if (entry.Event is WorkflowTraceEvent.Completed or WorkflowTraceEvent.Waiting or WorkflowTraceEvent.Faulted)
                {
                    foreach (var log in pendingLog.Where(l => l.ActivityId == entry.ActivityId).ToList())
                    {
                        await output.WriteLineAsync($"      {log.Message}");
                        pendingLog.Remove(log);
                    }
                }
            }

            foreach (var log in pendingLog)
            {
                await output.WriteLineAsync($"      [{log.ActivityId}] {log.Message}");
            }

            _trace = state.Trace.Count;
            _log = state.Log.Count;
            foreach (var bookmark in state.Bookmarks)
            {
                var due = bookmark.DueAt is { } at ? $", hạn / due {at.ToLocalTime().ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)}" : string.Empty;
                var detail = bookmark.Name switch
                {
                    "Dvc.HumanTask" => $"vai trò / role {bookmark.Payload?["role"]}, chọn / outcomes {bookmark.Payload?["outcomes"]?.ToJsonString()}",
                    "Dvc.RequestPayment" => $"số tiền / amount {bookmark.Payload?["amount"]} VND",
                    "Dvc.WaitForSupplement" => $"{bookmark.Payload?["message"]}",
                    _ => bookmark.Key ?? string.Empty,
                };
                await output.WriteLineAsync($"  ⏸ chờ / waiting: {bookmark.ActivityId} ({workflow.ActivityType(bookmark.ActivityId)}) {detail}{due}");
            }
        }
    }

    /// <summary>A clock that jumps forward when a <c>{"timer": true}</c> step asks it to.</summary>
    private sealed class SteppingClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void MoveTo(DateTimeOffset moment) => _now = moment > _now ? moment : _now;
    }
}
