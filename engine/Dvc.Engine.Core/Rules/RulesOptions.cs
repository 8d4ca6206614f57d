using System.ComponentModel.DataAnnotations;

namespace Dvc.Engine.Core.Rules;

/// <summary>Settings of the shared rules engine, bound from <see cref="Section"/>.</summary>
public sealed record RulesOptions
{
    public const string Section = "Dvc:Rules";

    /// <summary>
    /// Compiled-workflow cache entries. RulesEngine's default is far too small for a catalog: ~1,800 procedures × 3 workflows
    /// (eligibility, fees, checklist) plus room for a few published versions each. Thrashing makes evaluation ~300× slower.
    /// </summary>
    [Range(100, 10_000_000)]
    public int CacheSizeLimit { get; init; } = 1_800 * 3 * 4;

    /// <summary>
    /// Items one evaluation of a rules workflow may read from repeated fields (every pass of every loop counts). Real rules
    /// read a few dozen; nested loops over a large list are what this stops.
    /// </summary>
    [Range(1_000, 1_000_000_000)]
    public long MaxEvaluationSteps { get; init; } = 1_000_000;

    /// <summary>Wall-clock time one evaluation of a rules workflow may take (real ones take well under a millisecond).</summary>
    public TimeSpan EvaluationTimeLimit { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Bytes one evaluation of a rules workflow may allocate.</summary>
    [Range(1_000_000, 4_000_000_000)]
    public long MaxEvaluationBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Characters of one rule expression; longer ones are refused at compile time.</summary>
    [Range(100, 100_000)]
    public int MaxExpressionLength { get; init; } = 4_000;
}
