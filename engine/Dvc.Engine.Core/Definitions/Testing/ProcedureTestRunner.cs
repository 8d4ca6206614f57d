using System.Globalization;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Core.Rules;
using Dvc.Engine.Core.Templates;
using Dvc.Engine.Core.Workflows.Dossiers;
using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Core.Workflows.Runtime;
using Dvc.Engine.Core.Workflows.Simulation;

namespace Dvc.Engine.Core.Definitions.Testing;

/// <summary>
/// Runs tests/*.json cases against a compiled procedure: validation errors, eligibility and failed rules, fee, checklist, the
/// legal deadline, and the workflow: the case's <c>steps</c> (each task's outcome and comment, a payment, a supplement…)
/// answer its waiting points in a <see cref="WorkflowSimulation"/>, <c>workflowPath</c> must be a subsequence of what ran,
/// and <c>rendered</c> is checked on the text the workflow's activities rendered (so a rejection letter shows the officer's
/// comment); a template no activity rendered is rendered directly, as if approved.
/// </summary>
/// <param name="calendar">The working calendar deadlines count on; the default Vietnamese one (weekends, holidays, lunar Tết) when null.</param>
public sealed class ProcedureTestRunner(WorkingCalendar? calendar = null)
{
    private readonly WorkingCalendar _calendar = calendar ?? new WorkingCalendar();

    public ProcedureTestResult Run(CompiledProcedure procedure, ProcedureTestCase testCase)
    {
        var failures = new List<string>();
        var notes = new List<string>();
        try
        {
            Check(procedure, testCase, failures);
        }
        catch (Exception ex) when (ex is RuleEvaluationRefusedException or TemplateRenderException or WorkflowExpressionException)
        {
            // Rules stopped by their budget, a script the sandbox refused…: the case fails with the reason, never with a
            // stack trace (dvc test prints this line).
            failures.Add($"the case could not run: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // Anything else is an engine bug the definition exposed: still one line, but named as such.
            failures.Add($"the case could not run (unexpected {ex.GetType().Name}): {ex.Message}");
        }

        return new ProcedureTestResult(procedure.Code, testCase.Name, testCase.File + (testCase.Pointer.Length > 0 ? "#" + testCase.Pointer : string.Empty), failures, notes);
    }

    private void Check(CompiledProcedure procedure, ProcedureTestCase testCase, List<string> failures)
    {
        var expect = testCase.Expect;
        var input = (JsonObject)testCase.Input.DeepClone();

        var validation = procedure.ValidateSubmission(input, submittedOn: testCase.SubmittedOn);
        if (expect.Valid is { } valid && validation.IsValid != valid)
        {
            failures.Add(valid
                ? $"expected the input to be valid, but: {string.Join("; ", validation.Errors.Select(e => $"{e.Pointer} {e.Text("en")}"))}"
                : "expected validation errors, but the input is valid");
        }

        if (expect.Errors is { } errors)
        {
            CompareSets("validation errors", errors, validation.Errors.Select(e => e.Pointer).Distinct(), failures);
        }

        if (expect.Eligible is not null || expect.FailedRules is not null)
        {
            var eligibility = procedure.EvaluateEligibility(input, testCase.SubmittedOn);
            if (expect.Eligible is { } eligible && eligibility.Eligible != eligible)
            {
                failures.Add(eligible
                    ? $"expected eligible, but these rules failed: {string.Join(", ", eligibility.FailedRules.Select(f => f.Error is null ? f.Rule : $"{f.Rule} ({f.Error})"))}"
                    : "expected not eligible, but every eligibility rule passed");
            }

            if (expect.FailedRules is { } failedRules)
            {
                CompareSets("failed rules", failedRules, eligibility.FailedRules.Select(f => f.Rule), failures);
            }
        }

        long? fee = null;
        if (expect.Fee is not null || expect.Rendered is not null)
        {
            var feeResult = procedure.ComputeFee(input, testCase.SubmittedOn);
            fee = feeResult.Total;
            if (expect.Fee is not null && !feeResult.IsComplete)
            {
                failures.Add($"the fee could not be computed: {string.Join("; ", feeResult.Errors.Select(e => $"{e.Rule}: {e.Error}"))}");
            }

            if (expect.Fee is { } expectedFee && feeResult.Total != expectedFee)
            {
                failures.Add($"expected fee {expectedFee.ToString(CultureInfo.InvariantCulture)} VND, got {feeResult.Total.ToString(CultureInfo.InvariantCulture)} ({string.Join(" + ", feeResult.Lines.Select(l => $"{l.Rule} {l.Amount.ToString(CultureInfo.InvariantCulture)}"))})");
            }
        }

        if (expect.Checklist is { } checklist)
        {
            CompareSets("checklist", checklist, procedure.Checklist(input, testCase.SubmittedOn).AttachmentIds, failures);
        }

        var deadline = procedure.LegalDeadline(testCase.SubmittedAt, _calendar);
        if (expect.LegalDeadline is { } expectedDeadline)
        {
            CheckDeadline(procedure, testCase, expectedDeadline, deadline, failures);
        }

        InMemoryDossierServices? ran = null;
        if (expect.WorkflowPath is not null || expect.Steps is not null)
        {
            ran = RunWorkflow(procedure, testCase, expect.WorkflowPath ?? [], failures);
        }

        foreach (var (template, fragments) in expect.Rendered ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            var text = ran?.IssuedResults.Where(r => r.Template == template).Select(r => r.Text)
                .Concat(ran.Notifications.Where(n => n.Template == template).Select(n => n.Text))
                .LastOrDefault();
            if (text is null)
            {
                var dossier = TemplateModel.DossierObject(
                    $"{procedure.Code}-SIM", testCase.SubmittedOn, fee ?? 0, "completed", WorkingCalendar.ToLocalDate(deadline), "Approve", string.Empty, WorkflowSimulation.DefaultOfficer);
                var result = procedure.Render(template, new TemplateModel(input, dossier, testCase.SubmittedOn));
                if (!result.Success)
                {
                    failures.Add($"template '{template}' did not render: {result.Error}");
                    continue;
                }

                text = result.Text;
            }

            var missing = fragments.Where(f => !text.Contains(f, StringComparison.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                // The rendered text is shown, so the author sees at once whether the fragment or the template is wrong.
                var shown = string.Join('\n', text.Split('\n').Select(line => "      | " + line.TrimEnd('\r')));
                failures.Add($"template '{template}' does not contain {string.Join(", ", missing.Select(f => $"\"{f}\""))}; it rendered{(ran is null ? string.Empty : " (in the workflow)")}:\n{shown}");
            }
        }
    }

    private void CheckDeadline(CompiledProcedure procedure, ProcedureTestCase testCase, string expected, DateTimeOffset deadline, List<string> failures)
    {
        var local = deadline.ToOffset(WorkingCalendar.UtcOffset);
        var withTime = expected.Length > 10;
        var actual = local.ToString(withTime ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (actual == expected)
        {
            return;
        }

        // Say which days did not count, since that is what a deadline test is about (Tết, a weekend, a compensation day).
        var from = WorkingCalendar.ToLocalDate(testCase.SubmittedAt);
        var daysOff = new List<string>();
        for (var day = from; day <= WorkingCalendar.ToLocalDate(deadline); day = day.AddDays(1))
        {
            if (!_calendar.IsWorkingDay(day) && day.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday)
            {
                var holiday = _calendar.HolidaysOf(day.Year).FirstOrDefault(h => h.Date == day);
                daysOff.Add($"{day.ToString("dd/MM", CultureInfo.InvariantCulture)} {holiday?.NameVi ?? "nghỉ"}");
            }
        }

        var shownExpected = withTime
            ? DateTime.ParseExact(expected, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)
            : DateOnly.ParseExact(expected, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        failures.Add(string.Create(
            CultureInfo.InvariantCulture,
            $"expected the legal deadline {shownExpected}, got {local:dd/MM/yyyy HH:mm}: {procedure.Manifest.ProcessingDays} working day(s) from {testCase.SubmittedAt.ToOffset(WorkingCalendar.UtcOffset):dd/MM/yyyy HH:mm (ddd)}, weekends not counted{(daysOff.Count > 0 ? "; holidays: " + string.Join(", ", daysOff) : string.Empty)}"));
    }

    /// <summary>Answers the case's steps in a simulation and checks <paramref name="path"/>; returns what the activities rendered.</summary>
    private static InMemoryDossierServices RunWorkflow(CompiledProcedure procedure, ProcedureTestCase testCase, IReadOnlyList<string> path, List<string> failures)
    {
        if (procedure.Workflow is null)
        {
            failures.Add("workflowPath or steps are given but the procedure has no workflow");
            return new InMemoryDossierServices();
        }

        var simulation = WorkflowSimulation.ForProcedure(procedure, (JsonObject)testCase.Input.DeepClone(), testCase.SubmittedAt);
        try
        {
            var run = simulation.StartAsync().GetAwaiter().GetResult();
            foreach (var step in (testCase.Expect.Steps ?? []).OfType<JsonObject>())
            {
                if (run.Status != WorkflowStatus.Suspended)
                {
                    failures.Add($"step {step.ToJsonString()} is given but the workflow is already {run.Status}");
                    return simulation.Services;
                }

                var next = simulation.AnswerAsync(run, step).GetAwaiter().GetResult();
                if (next is null || !next.Accepted)
                {
                    var waiting = string.Join(", ", run.State.Bookmarks.Select(b => $"{b.ActivityId} ({b.Name})"));
                    failures.Add($"step {step.ToJsonString()} matches no waiting point ({next?.Refusal ?? "waiting: " + waiting})");
                    return simulation.Services;
                }

                run = next;
            }

            if (run.State.Fault is { } fault)
            {
                failures.Add($"the workflow faulted at '{fault.ActivityId}': {fault.Message}");
            }

            CheckPath(run.State.ExecutedActivityIds, path, failures);
        }
        catch (TemplateRenderException ex)
        {
            failures.Add(ex.Message);
        }

        return simulation.Services;
    }

    private static void CheckPath(IReadOnlyList<string> executed, IReadOnlyList<string> path, List<string> failures)
    {
        var position = 0;
        foreach (var id in path)
        {
            var found = IndexOf(executed, id, position);
            if (found < 0)
            {
                failures.Add($"workflowPath: '{id}' did not run in the expected order; ran: {string.Join(" → ", executed)}");
                return;
            }

            position = found + 1;
        }
    }

    private static int IndexOf(IReadOnlyList<string> items, string item, int start)
    {
        for (var i = start; i < items.Count; i++)
        {
            if (items[i] == item)
            {
                return i;
            }
        }

        return -1;
    }

    private static void CompareSets(string what, IEnumerable<string> expected, IEnumerable<string> actual, List<string> failures)
    {
        var expectedSet = expected.ToHashSet(StringComparer.Ordinal);
        var actualSet = actual.ToHashSet(StringComparer.Ordinal);
        var missing = expectedSet.Except(actualSet).Order(StringComparer.Ordinal).ToArray();
        var extra = actualSet.Except(expectedSet).Order(StringComparer.Ordinal).ToArray();
        if (missing.Length > 0 || extra.Length > 0)
        {
            var parts = new List<string>();
            if (missing.Length > 0)
            {
                parts.Add($"missing {string.Join(", ", missing)}");
            }

            if (extra.Length > 0)
            {
                parts.Add($"unexpected {string.Join(", ", extra)}");
            }

            failures.Add($"{what}: {string.Join("; ", parts)}");
        }
    }
}
