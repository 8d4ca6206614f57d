namespace Dvc.Engine.Core.Rules;

/// <summary>One workflow of rules.json, by its author's name and the unique name it has in the shared engine.</summary>
internal sealed record CompiledRuleWorkflow(string Name, string EngineName, IReadOnlyList<CompiledRule> Rules, IReadOnlyList<CompiledScopedParam> GlobalParams);
