using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Rules;

/// <summary>One rule's result in one evaluation.</summary>
internal sealed record RuleOutcome(CompiledRule Rule, bool Success, decimal? Amount, string? Error, IReadOnlyDictionary<string, JsonNode?> Inputs);
