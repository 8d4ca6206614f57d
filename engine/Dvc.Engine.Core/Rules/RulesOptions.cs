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
}
