namespace Dvc.Engine.Core.Workflows.Model;

/// <summary>
/// One flowchart connection, read from either the current shape (<c>source: { activity, port }</c>) or the
/// pre-3.0 flat shape (<c>source, sourcePort</c>). The target port is always "In" in practice and has no meaning.
/// </summary>
public sealed record ConnectionDefinition(string SourceId, string SourcePort, string TargetId, string TargetPort, string Pointer)
{
    /// <summary>The same key Elsa uses to count visits: source, port and target.</summary>
    public string Key => $"{SourceId}:{SourcePort}->{TargetId}:{TargetPort}";

    /// <summary>The pointer of the source port, for diagnostics about ports.</summary>
    public string SourcePortPointer { get; init; } = Pointer;

    /// <summary>The pointer of the source activity id.</summary>
    public string SourcePointer { get; init; } = Pointer;

    /// <summary>The pointer of the target activity id.</summary>
    public string TargetPointer { get; init; } = Pointer;
}
