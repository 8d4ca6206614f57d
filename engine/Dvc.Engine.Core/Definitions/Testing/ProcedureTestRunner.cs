using System.Globalization;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Rules;
using Dvc.Engine.Core.Templates;
using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Core.Workflows.Runtime;
using Dvc.Engine.Core.Workflows.Simulation;

namespace Dvc.Engine.Core.Definitions.Testing;

/// <summary>
/// Runs tests/*.json cases against a compiled procedure: validation errors, eligibility and failed rules, fee, checklist and
/// rendered fragments, and <c>workflowPath</c>: the case's <c>steps</c> answer the workflow's waiting points in a
/// <see cref="WorkflowSimulation"/>, and the listed activity ids must run in that order (a subsequence of the trace).
/// </summary>
public sealed class ProcedureTestRunner
{
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

    private static void Check(CompiledProcedure procedure, ProcedureTestCase testCase, List<string> failures)
    {
        var expect = testCase.Expect;
        var input = (JsonObject)testCase.Input.DeepClone();

        var validation = procedure.ValidateSubmission(input);
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

        if (expect.Rendered is { } rendered)
        {
            var dossier = new JsonObject
            {
                ["code"] = $"{procedure.Code}-TEST-0001",
                ["submitted_on"] = testCase.SubmittedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["fee"] = fee ?? 0,
                ["status"] = "completed",
                ["decision"] = new JsonObject { ["outcome"] = "Approve", ["comment"] = string.Empty, ["officer"] = "Cán bộ kiểm thử" },
            };
            foreach (var (template, fragments) in rendered)
            {
                var result = procedure.Render(template, new TemplateModel(input, dossier, testCase.SubmittedOn));
                if (!result.Success)
                {
                    failures.Add($"template '{template}' did not render: {result.Error}");
                    continue;
                }

                foreach (var fragment in fragments.Where(f => !result.Text.Contains(f, StringComparison.Ordinal)))
                {
                    failures.Add($"template '{template}' does not contain \"{fragment}\"");
                }
            }
        }

        if (expect.WorkflowPath is { } path)
        {
            CheckWorkflowPath(procedure, testCase, path, failures);
        }
    }

    private static void CheckWorkflowPath(CompiledProcedure procedure, ProcedureTestCase testCase, IReadOnlyList<string> path, List<string> failures)
    {
        if (procedure.Workflow is null)
        {
            failures.Add("workflowPath is given but the procedure has no workflow");
            return;
        }

        var simulation = WorkflowSimulation.ForProcedure(procedure, (JsonObject)testCase.Input.DeepClone(), testCase.SubmittedOn);
        var run = simulation.StartAsync().GetAwaiter().GetResult();
        foreach (var step in (testCase.Expect.Steps ?? []).OfType<JsonObject>())
        {
            if (run.Status != WorkflowStatus.Suspended)
            {
                failures.Add($"step {step.ToJsonString()} is given but the workflow is already {run.Status}");
                return;
            }

            var next = simulation.AnswerAsync(run, step).GetAwaiter().GetResult();
            if (next is null || !next.Accepted)
            {
                var waiting = string.Join(", ", run.State.Bookmarks.Select(b => $"{b.ActivityId} ({b.Name})"));
                failures.Add($"step {step.ToJsonString()} matches no waiting point ({next?.Refusal ?? "waiting: " + waiting})");
                return;
            }

            run = next;
        }

        if (run.State.Fault is { } fault)
        {
            failures.Add($"the workflow faulted at '{fault.ActivityId}': {fault.Message}");
        }

        var executed = run.State.ExecutedActivityIds;
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
