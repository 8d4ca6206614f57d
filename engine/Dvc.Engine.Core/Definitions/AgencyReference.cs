namespace Dvc.Engine.Core.Definitions;

/// <summary>The agency that handles a procedure (agencies are data; only the code links them).</summary>
public sealed record AgencyReference(string Code, LocalizedText Name);
