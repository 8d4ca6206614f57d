namespace Dvc.Engine.Server.Dossiers;

/// <summary>One line of the fee (label in the request culture, whole VND).</summary>
internal sealed record FeeLine(string Label, long Amount);
