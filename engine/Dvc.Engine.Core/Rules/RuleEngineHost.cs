using RulesEngine.HelperFunctions;
using RulesEngine.Models;
using DvcFunctions = Dvc.Engine.Core.Rules.Functions.Dvc;

namespace Dvc.Engine.Core.Rules;

/// <summary>
/// The one RulesEngine instance a process shares across the catalog. Workflow names are prefixed with the procedure's
/// code, version and content hash, so versions never collide and a republished procedure gets fresh entries.
/// Only workflows whose every expression passed <see cref="RuleSandbox"/> are ever registered here.
/// </summary>
public sealed class RuleEngineHost
{
    private readonly RulesEngine.RulesEngine _engine;

    public RuleEngineHost(RulesOptions? options = null)
    {
        Options = options ?? new RulesOptions();
        _engine = new RulesEngine.RulesEngine(new ReSettings
        {
            CustomTypes = [typeof(DvcFunctions)],
            CacheConfig = new MemCacheConfig { SizeLimit = Options.CacheSizeLimit },
            AutoRegisterInputType = false,
            EnableExceptionAsErrorMessage = true,
            IgnoreException = false,
            IsExpressionCaseSensitive = false,
            EnableScopedParams = true,

            // Nothing reads an action's output, so actions never run: an expression hidden in one cannot cost anything.
            AutoExecuteActions = false,
        });
    }

    public RulesOptions Options { get; }

    /// <summary>How many workflows (all procedures and versions) are registered.</summary>
    public int WorkflowCount => _engine.GetAllRegisteredWorkflowNames().Count;

    internal void Register(IEnumerable<Workflow> workflows) => _engine.AddOrUpdateWorkflow([.. workflows]);

    /// <summary>Drops every workflow of one compiled procedure version (its names share <paramref name="prefix"/>).</summary>
    internal void Unregister(string prefix) =>
        _engine.RemoveWorkflow([.. _engine.GetAllRegisteredWorkflowNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal))]);

    internal IReadOnlyList<RuleResultTree> Execute(string workflowName, object input, RuleContext context) =>
        _engine.ExecuteAllRulesAsync(workflowName, new RuleParameter("input", input), new RuleParameter("ctx", context)).AsTask().GetAwaiter().GetResult();
}
