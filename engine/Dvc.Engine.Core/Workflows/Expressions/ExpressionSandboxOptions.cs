using System.ComponentModel.DataAnnotations;

namespace Dvc.Engine.Core.Workflows.Expressions;

/// <summary>
/// Limits for workflow expressions. JavaScript (Jint) and Liquid (Fluid) run without CLR access; these bound what
/// a script may cost so one bad definition cannot stall the server.
/// </summary>
public sealed record ExpressionSandboxOptions
{
    /// <summary>The configuration section the host binds.</summary>
    public const string Section = "Dvc:Workflows:Sandbox";

    /// <summary>The defaults: generous for real conditions, tight for loops that never end.</summary>
    public static ExpressionSandboxOptions Default { get; } = new();

    /// <summary>Statements one JavaScript evaluation may execute.</summary>
    [Range(100, 10_000_000)]
    public int MaxStatements { get; init; } = 50_000;

    /// <summary>JavaScript call depth.</summary>
    [Range(8, 1_000)]
    public int MaxRecursion { get; init; } = 64;

    /// <summary>Wall-clock time one JavaScript evaluation or Liquid rendering may take (a regex gets half of it).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Bytes one JavaScript evaluation may allocate.</summary>
    [Range(1_000_000, 1_000_000_000)]
    public long MemoryBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>The longest text one built-in, filter or rendering may make: a quarter of <see cref="MemoryBytes"/> in UTF-16 characters.</summary>
    public int MaxTextLength => (int)Math.Min(int.MaxValue, MemoryBytes / 4);

    /// <summary>Steps one Liquid rendering may take.</summary>
    [Range(100, 10_000_000)]
    public int LiquidMaxSteps { get; init; } = 20_000;

    /// <summary>Liquid include/render depth.</summary>
    [Range(1, 100)]
    public int LiquidMaxRecursion { get; init; } = 16;
}
