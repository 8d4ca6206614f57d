namespace Dvc.Engine.Core.Definitions;

/// <summary>File names of a procedure's parts, relative to its folder.</summary>
public sealed record ProcedureParts(
    string Form,
    string Rules,
    string Workflow,
    IReadOnlyDictionary<string, string> Templates,
    string? Tests);
