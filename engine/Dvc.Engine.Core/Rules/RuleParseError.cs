namespace Dvc.Engine.Core.Rules;

/// <summary>Why an expression did not parse; <see cref="UnknownField"/> when it names a field the form lacks.</summary>
internal sealed record RuleParseError(bool UnknownField, string Message);
