using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;
using RulesEngine.Models;

namespace Dvc.Engine.Core.Rules;

/// <summary>
/// A procedure version's compiled rules: RulesEngine workflows (registered in the shared <see cref="RuleEngineHost"/>) plus
/// what each rule means (reason, fee amount, attachment). Evaluates eligibility, fees and the checklist with a trace.
/// </summary>
public sealed class CompiledRuleSet
{
    private readonly IReadOnlyDictionary<string, CompiledRuleWorkflow> _workflows;

    internal CompiledRuleSet(string prefix, IReadOnlyDictionary<string, CompiledRuleWorkflow> workflows, IReadOnlyList<Workflow> engineWorkflows)
    {
        Prefix = prefix;
        _workflows = workflows;
        EngineWorkflows = engineWorkflows;
    }

    /// <summary>Prefix of this version's workflow names in the shared engine.</summary>
    public string Prefix { get; }

    public IReadOnlyCollection<string> WorkflowNames => [.. _workflows.Keys];

    internal IReadOnlyList<Workflow> EngineWorkflows { get; }

    public bool HasWorkflow(string name) => _workflows.ContainsKey(name);

    /// <summary>Rule names of a workflow, in file order (empty when it does not exist).</summary>
    public IReadOnlyList<string> RuleNames(string workflow) =>
        _workflows.TryGetValue(workflow, out var w) ? [.. w.Rules.Select(r => r.Name)] : [];

    internal CompiledRule? Find(string workflow, string rule) =>
        _workflows.TryGetValue(workflow, out var w) ? w.Rules.FirstOrDefault(r => r.Name == rule) : null;

    internal IReadOnlyList<RuleOutcome> Run(RuleEngineHost host, string workflowName, RuleInputType inputType, JsonObject data, RuleContext context)
    {
        if (!_workflows.TryGetValue(workflowName, out var workflow) || workflow.Rules.Count == 0)
        {
            return [];
        }

        var budget = new RuleBudget(host.Options);
        var input = inputType.Bind(data, budget);
        IReadOnlyList<RuleResultTree> results;
        try
        {
            results = host.Execute(workflow.EngineName, input, context);
        }
        catch (RuleBudgetExceededException)
        {
            // RulesEngine turns an exception inside a rule into the rule's error message; one outside every rule (its error
            // message formatting reads the input) ends up here.
            results = [];
        }

        if (budget.Breach is { } breach)
        {
            RefuseIfSpent(budget, workflowName, results.FirstOrDefault(r => r.ExceptionMessage?.Contains(breach, StringComparison.Ordinal) == true)?.Rule.RuleName);
        }

        // Time and memory once more, for an evaluation that overran between two charges or after the last one.
        try
        {
            budget.Check();
        }
        catch (RuleBudgetExceededException)
        {
            RefuseIfSpent(budget, workflowName, null);
        }

        var byName = results.ToDictionary(r => r.Rule.RuleName, StringComparer.Ordinal);
        var outcomes = new List<RuleOutcome>();
        foreach (var rule in workflow.Rules)
        {
            if (!byName.TryGetValue(rule.Name, out var result))
            {
                continue; // disabled
            }

            var error = string.IsNullOrEmpty(result.ExceptionMessage) ? null : result.ExceptionMessage;
            decimal? amount = null;
            if (result.IsSuccess && rule.Amount is { } fee)
            {
                try
                {
                    (amount, var amountError) = ComputeAmount(fee, workflow, rule, input, context);
                    error ??= amountError;
                    budget.Check();
                }
                catch (RuleBudgetExceededException)
                {
                    RefuseIfSpent(budget, workflowName, rule.Name);
                }
            }

            var inputs = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
            foreach (var pointer in rule.Reads.Concat(rule.Amount?.Reads ?? []))
            {
                inputs[pointer] = JsonPointer.TryNavigate(data, pointer, out var value) ? value?.DeepClone() : null;
            }

            outcomes.Add(new RuleOutcome(rule, result.IsSuccess && error is null, amount, error, inputs));
        }

        return outcomes;
    }

    /// <summary>A spent budget refuses the whole evaluation: a half-run rule set must not decide anything.</summary>
    private void RefuseIfSpent(RuleBudget budget, string workflowName, string? rule)
    {
        if (budget.Breach is { } reason)
        {
            var procedure = Prefix.IndexOf('#', StringComparison.Ordinal) is var hash and > 0 ? Prefix[..hash] : Prefix.TrimEnd(':');
            throw new RuleEvaluationRefusedException(procedure, workflowName, rule, reason);
        }
    }

    private static (decimal? Amount, string? Error) ComputeAmount(FeeAmount fee, CompiledRuleWorkflow workflow, CompiledRule rule, object input, RuleContext context)
    {
        if (fee.Rates is { } rates)
        {
            var day = DateOnly.FromDateTime(context.SubmittedOn);
            var rate = rates.FirstOrDefault(r => r.IsValidOn(day));
            return rate is null
                ? (null, $"No rate of this fee is valid on {day:dd/MM/yyyy}.")
                : ComputeAmount(rate.Amount, workflow, rule, input, context);
        }

        if (fee.Constant is { } constant)
        {
            return (constant, null);
        }

        var args = new List<object?> { input, context };
        try
        {
            foreach (var param in workflow.GlobalParams.Concat(rule.LocalParams))
            {
                args.Add(param.Compute([.. args]));
            }

            var value = fee.Compute!([.. args]);
            return (value is null ? 0m : Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture), null);
        }
        catch (Exception ex) when (ex is ArithmeticException or InvalidCastException or NullReferenceException or InvalidOperationException or FormatException or ArgumentException)
        {
            return (null, $"The fee amount could not be computed: {ex.Message}");
        }
    }
}
