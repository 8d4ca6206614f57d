namespace Dvc.Engine.Core.Definitions;

/// <summary>An officer role that the workflow's human tasks may name.</summary>
public sealed record RoleDefinition(string Id, LocalizedText Name);
