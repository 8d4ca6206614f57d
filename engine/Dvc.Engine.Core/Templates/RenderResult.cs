namespace Dvc.Engine.Core.Templates;

/// <summary>The rendered text, or why rendering stopped (a limit, a runtime error); never an exception for template faults.</summary>
public sealed record RenderResult(bool Success, string Text, string? Error = null);
