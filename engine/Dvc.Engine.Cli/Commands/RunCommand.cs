using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Core.Workflows.Runtime;
using Dvc.Engine.Core.Rules;
using Dvc.Engine.Core.Templates;
using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Core.Workflows.Simulation;

namespace Dvc.Engine.Cli.Commands;

/// <summary>
/// <c>dvc run &lt;workflow.json | procedure folder&gt; --input data.json [--steps steps.json]</c>: runs a workflow in
/// memory, prints every executed step and every waiting point, and answers the waits from the steps file:
/// <c>{"task": "&lt;activity id&gt;", "outcome": "Approve", "comment": "…"}</c>, <c>{"payment": "Paid"}</c>,
/// <c>{"supplement": {…}}</c>, <c>{"event": "name"}</c>, <c>{"timer": true}</c>, <c>{"runTask": "name"}</c>.
/// Exit codes: 0 finished, 1 faulted, 2 still waiting when the steps ran out, 3 the workflow does not compile,
/// 4 a file is missing or unreadable or a plugin does not load, 5 a step did not match what the workflow waits for.
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
        var plugins = CliCompiler.PluginsOption();
        var command = new Command("run", "Run a workflow in memory and answer its waits from a steps file") { path, input, steps, fee, plugins };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(path)!,
            parseResult.GetValue(input),
            parseResult.GetValue(steps),
            parseResult.GetValue(fee),
            parseResult.GetValue(plugins),
            parseResult.InvocationConfiguration.Output,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string path, string? inputFile, string? stepsFile, decimal? fee, string? pluginsFolder, TextWriter output, CancellationToken cancellationToken)
    {
        if (CliCompiler.Activities(pluginsFolder, output) is not { } activities)
        {
            return 4;
        }

        JsonObject data;
        JsonArray answers;
        try
        {
            // Read as text, so a UTF-8 byte-order mark is accepted as in every definition file.
            data = inputFile is null ? [] : JsonNode.Parse(await File.ReadAllTextAsync(inputFile, cancellationToken)) as JsonObject ?? [];
            answers = stepsFile is null ? [] : JsonNode.Parse(await File.ReadAllTextAsync(stepsFile, cancellationToken)) as JsonArray ?? [];
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync($"Không đọc được tệp / cannot read file: {ex.Message}");
            return 4;
        }

        WorkflowSimulation simulation;
        if (Directory.Exists(path))
        {
            // A procedure folder compiles like dvc validate does, so $refs resolve and the real rules and templates answer.
            var compilation = CliCompiler.Create(activities).CompileFolder(path, ProcedureCompiler.FindCatalogRoot(path));
            foreach (var diagnostic in compilation.Diagnostics)
            {
                await output.WriteLineAsync(diagnostic.ToString());
            }

            if (compilation.Procedure is not { } procedure)
            {
                return 3;
            }

            // Submitted today at 09:00 Hanoi time, as dvc test does for a date without a time.
            var submittedAt = new DateTimeOffset(WorkingCalendar.ToLocalDate(TimeProvider.System.GetUtcNow()).ToDateTime(new TimeOnly(9, 0)), WorkingCalendar.UtcOffset);
            try
            {
                simulation = WorkflowSimulation.ForProcedure(procedure, data, submittedAt);
            }
            catch (RuleEvaluationRefusedException ex)
            {
                // The fee rules ran past their budget before the dossier could even start.
                await output.WriteLineAsync($"✗ {ex.Message}");
                return 1;
            }

            var deadline = procedure.LegalDeadline(submittedAt, new WorkingCalendar()).ToOffset(WorkingCalendar.UtcOffset);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Nộp / submitted {submittedAt:dd/MM/yyyy HH:mm}; hạn giải quyết / legal deadline {deadline:dd/MM/yyyy HH:mm} ({procedure.Manifest.ProcessingDays} ngày làm việc / working days, giờ Hà Nội / Hanoi time)"));
        }
        else
        {
            byte[] json;
            try
            {
                json = await File.ReadAllBytesAsync(path, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await output.WriteLineAsync($"Không đọc được / cannot read '{path}': {ex.Message}");
                return 4;
            }

            var compiled = WorkflowCompiler.Compile(json, path, new WorkflowCompileContext(null, activities));
            foreach (var diagnostic in compiled.Diagnostics)
            {
                await output.WriteLineAsync(diagnostic.ToString());
            }

            if (compiled.Workflow is not { } workflow)
            {
                return 3;
            }

            simulation = WorkflowSimulation.ForWorkflow(workflow, "RUN", JsonSerializer.SerializeToElement(data), fee, TimeProvider.System.GetUtcNow());
        }

        var printer = new Printer(output, simulation.Workflow);
        WorkflowRunResult result;
        try
        {
            result = await simulation.StartAsync(cancellationToken);
            await printer.PrintAsync(result);
            foreach (var answer in answers.OfType<JsonObject>())
            {
                if (result.Status != WorkflowStatus.Suspended)
                {
                    break;
                }

                var next = await simulation.AnswerAsync(result, answer, cancellationToken);
                if (next is null || !next.Accepted)
                {
                    await output.WriteLineAsync($"✗ Bước {answer.ToJsonString(Readable)} không khớp / step does not match: {next?.Refusal ?? "no such waiting point"}");
                    return 5;
                }

                await output.WriteLineAsync($"→ {answer.ToJsonString(Readable)}");
                result = next;
                await printer.PrintAsync(result);
            }
        }
        catch (Exception ex) when (ex is RuleEvaluationRefusedException or TemplateRenderException or WorkflowExpressionException)
        {
            // A definition failure outside any step (activities turn theirs into a fault, printed below): a line, no stack.
            await output.WriteLineAsync($"✗ {ex.Message}");
            return 1;
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
                var due = Due(bookmark);
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

        /// <summary>
        /// The deadline in Hanoi time whatever the machine's zone, with the period and its unit as declared:
        /// ", hạn / due trước 24:00 ngày 20/12/2026 / by 24:00 on 20/12/2026 (15 ngày làm việc / working days, giờ Hà Nội / Hanoi time)".
        /// </summary>
        private static string Due(WorkflowBookmark bookmark)
        {
            var payload = bookmark.Payload;
            var at = bookmark.DueAt
                ?? (DateTimeOffset.TryParse(payload?["slaDueAt"]?.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var sla) ? sla : null);
            if (at is not { } due)
            {
                return string.Empty;
            }

            var days = payload?["days"] ?? payload?["slaDays"];
            var unit = WorkingCalendar.TryParseUnit(payload?["daysUnit"]?.ToString(), out var parsed) ? parsed : (DayUnit?)null;
            var period = days is null || unit is null ? string.Empty
                : unit == DayUnit.WorkingDays ? $"{days} ngày làm việc / working days, "
                : $"{days} ngày theo lịch / calendar days, ";
            return $", hạn / due {DeadlineText.Format(due, english: false)} / {DeadlineText.Format(due, english: true)} ({period}giờ Hà Nội / Hanoi time)";
        }
    }
}
