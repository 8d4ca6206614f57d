namespace Dvc.Engine.Server.Dossiers;

/// <summary>What a submission led to; endpoints map each case to a status code, pages to a view.</summary>
internal abstract record SubmitOutcome
{
    private SubmitOutcome()
    {
    }

    /// <summary>Created (or replayed for the same Idempotency-Key).</summary>
    public sealed record Submitted(DossierReceipt Receipt, bool Replayed) : SubmitOutcome;

    /// <summary>Field errors keyed by JSON pointer, already in the request culture.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : SubmitOutcome;

    /// <summary>Valid but a rule of the <c>eligibility</c> workflow failed; each failure carries its reason.</summary>
    public sealed record NotEligible(IReadOnlyList<RuleFailure> Failures) : SubmitOutcome;

    /// <summary>Checked only (nothing filed): eligible, with the fee and the documents to attach.</summary>
    public sealed record Assessed(DossierAssessment Assessment) : SubmitOutcome;

    public sealed record ProcedureNotFound(string Code) : SubmitOutcome;

    /// <summary>
    /// The procedure's rules were stopped by their budget before they decided (a definition fault, logged with the rule);
    /// nothing was filed and the citizen is told so without internal names.
    /// </summary>
    public sealed record RulesRefused : SubmitOutcome;

    /// <summary>The Idempotency-Key was used before with a different submission.</summary>
    public sealed record KeyReused(string Key) : SubmitOutcome;
}
