namespace Dvc.Engine.Server.Dossiers;

/// <summary>The answer to a command on an existing dossier or task (supplement, rate, claim, complete).</summary>
internal abstract record CommandResult
{
    private CommandResult()
    {
    }

    public static readonly CommandResult Done = new Ok();
    public static readonly CommandResult Missing = new NotFound();
    public static readonly CommandResult Refused = new RulesRefused();

    public sealed record Ok : CommandResult;

    /// <summary>Not there, or not visible to this viewer (the two are not told apart, so codes cannot be probed).</summary>
    public sealed record NotFound : CommandResult;

    /// <summary>The state does not allow it now (already claimed by someone else, not awaiting supplement, …).</summary>
    public sealed record Conflict(string Message) : CommandResult;

    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : CommandResult;

    /// <summary>Valid but the eligibility rules refuse it (a supplement's corrected data); each failure with its reason.</summary>
    public sealed record NotEligible(IReadOnlyList<RuleFailure> Failures) : CommandResult;

    /// <summary>The procedure's rules ran past their time or memory budget on this data; the reason is logged, not shown.</summary>
    public sealed record RulesRefused : CommandResult;
}
