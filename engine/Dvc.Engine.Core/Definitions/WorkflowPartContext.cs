namespace Dvc.Engine.Core.Definitions;

/// <summary>What a workflow is cross-checked against: the manifest's role ids, template names and rules workflow names.</summary>
public sealed record WorkflowPartContext(IReadOnlySet<string> Roles, IReadOnlyCollection<string> Templates, IReadOnlyCollection<string> RulesWorkflows);
