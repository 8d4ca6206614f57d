namespace Dvc.Engine.Core.Definitions;

/// <summary>
/// Hard limits the loader enforces so a hostile or broken definition cannot exhaust memory or time.
/// Defaults fit the real catalog with a wide margin (the largest real part is well under 1 MB).
/// </summary>
public sealed record DefinitionLimits
{
    public static DefinitionLimits Default { get; } = new();

    /// <summary>Files larger than this are rejected before a byte is read.</summary>
    public long MaxFileBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Maximum nesting of JSON objects and arrays in one file.</summary>
    public int MaxJsonDepth { get; init; } = 64;

    /// <summary>Maximum length of a chain of <c>$ref</c>s (a ref to a fragment that refs another …).</summary>
    public int MaxRefDepth { get; init; } = 16;

    /// <summary>Maximum number of JSON values one part may expand to after <c>$ref</c>s are inlined (stops "billion laughs").</summary>
    public int MaxExpandedNodes { get; init; } = 500_000;

    /// <summary>Maximum number of test case files read from one procedure.</summary>
    public int MaxTestFiles { get; init; } = 500;
}
