using Dvc.Engine.Core.Definitions;

namespace Dvc.Engine.Core.Rules;

/// <summary>One fee rule that applied: its label and amount in VND.</summary>
public sealed record FeeLine(string Rule, LocalizedText Label, long Amount);
