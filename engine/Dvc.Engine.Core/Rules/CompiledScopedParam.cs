namespace Dvc.Engine.Core.Rules;

/// <summary>A RulesEngine global or local param, compiled so fee amounts can use it too.</summary>
internal sealed record CompiledScopedParam(string Name, Type Type, Func<object?[], object?> Compute);
