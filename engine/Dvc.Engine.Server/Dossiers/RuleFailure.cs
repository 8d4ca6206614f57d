namespace Dvc.Engine.Server.Dossiers;

/// <summary>A failed eligibility rule and its reason in the request culture.</summary>
internal sealed record RuleFailure(string Rule, string Reason);
