namespace Dvc.Engine.Core.Templates;

/// <summary>What one render may use. Defaults fit a multi-page result document with room to spare.</summary>
public sealed record TemplateLimits
{
    public static TemplateLimits Default { get; } = new();

    /// <summary>Cumulative loop iterations per render.</summary>
    public int LoopLimit { get; init; } = 10_000;

    /// <summary>Nested function calls (a template function calling itself).</summary>
    public int RecursiveLimit { get; init; } = 32;

    /// <summary>Characters of output.</summary>
    public int OutputLimit { get; init; } = 1_000_000;

    /// <summary>Wall-clock time of one render.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);
}
