using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Persistence.Tasks;
using Dvc.Engine.Server.Accounts;

namespace Dvc.Engine.Server.Workflows;

/// <summary>
/// What the portal and the inbox need from the workflow engine: start a dossier's workflow, continue it when an
/// officer completes a task, and when the citizen supplements. A seam because the server can run the procedure's own
/// Elsa workflow or the built-in review flow (one task: approve / reject / request supplement).
/// </summary>
internal interface IDossierWorkflow
{
    Task StartAsync(CompiledProcedure procedure, DossierRecord dossier, CancellationToken ct);

    /// <summary>The task is already completed in the store; this resumes what waited on it.</summary>
    /// <param name="scope">What a supplement request names (fields, attachments); empty for other outcomes.</param>
    Task<WorkflowStep> TaskCompletedAsync(
        CompiledProcedure procedure, DossierRecord dossier, HumanTaskRecord task, string outcome, string? comment, Dossiers.SupplementScope scope, Viewer officer, CancellationToken ct);

    Task<WorkflowStep> SupplementedAsync(CompiledProcedure procedure, DossierRecord dossier, Viewer citizen, CancellationToken ct);

    /// <summary>A waiting payment was paid (gateway callback or the local simulator).</summary>
    Task<WorkflowStep> PaidAsync(CompiledProcedure procedure, DossierRecord dossier, string transactionId, Viewer payer, CancellationToken ct);

    /// <summary>
    /// Resumes the first open bookmark named <paramref name="bookmarkName"/> (of <paramref name="activityId"/> when given)
    /// with <paramref name="payload"/>: a plugin's signal from outside (a gateway's payment confirmation). Null when
    /// nothing waits for it. Joins the caller's write transaction.
    /// </summary>
    Task<WorkflowStep?> SignalAsync(CompiledProcedure procedure, DossierRecord dossier, string bookmarkName, string? activityId, System.Text.Json.Nodes.JsonObject payload, string actor, CancellationToken ct);

    /// <summary>The outcomes a task offers (from its activity) with their labels, for the inbox buttons.</summary>
    Task<IReadOnlyList<Tasks.TaskOutcome>> OutcomesAsync(HumanTaskRecord task, CancellationToken ct);
}
