using Dvc.Engine.Core.Templates;

namespace Dvc.Engine.Core.Definitions;

/// <summary>Limits the compiler applies; copied at construction.</summary>
public sealed record ProcedureCompilerOptions
{
    public const string Section = "Dvc:Definitions";

    public DefinitionLimits Limits { get; init; } = DefinitionLimits.Default;

    public TemplateLimits Templates { get; init; } = TemplateLimits.Default;

    /// <summary>The clock templates use for <c>today</c> when the caller gives none (a date in Vietnam, UTC+7, no DST).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How many procedures of a catalog compile at once.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Read tests/*.json and cross-check them (the CLI and designer do; a server loading the catalog may skip them).</summary>
    public bool IncludeTests { get; init; } = true;
}
