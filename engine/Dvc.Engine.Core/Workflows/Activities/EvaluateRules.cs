using Dvc.Engine.Core.Workflows.Dossiers;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Activities;

/// <summary><c>Dvc.EvaluateRules</c>: runs a rules workflow of the procedure; <c>Passed</c> or <c>Failed</c>, output <c>result</c>.</summary>
[Activity("Dvc.EvaluateRules", Category = "Dossier processing", DisplayName = "Evaluate rules", DisplayNameVi = "Kiểm tra quy tắc",
    Description = "Evaluates a rules workflow of the procedure on the dossier.", Icon = "rule")]
[Outcomes("Passed", "Failed")]
public sealed class EvaluateRules : ActivityBase
{
    /// <summary>The rules workflow name (<c>eligibility</c>, or a custom one).</summary>
    [Input(DisplayNameVi = "Bộ quy tắc", Description = "The RulesEngine workflow name.", DefaultValue = "eligibility")]
    public string? WorkflowName { get; set; }

    /// <summary>What the rules computed.</summary>
    [Output(Description = "The rules' output.")]
    public object? Result { get; set; }

    /// <inheritdoc />
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(WorkflowName) ? "eligibility" : WorkflowName;
        var evaluation = await DossierModel.Services(context).EvaluateRulesAsync(name, context.Dossier, cancellationToken);
        Result = evaluation.Output;
        context.Log(evaluation.Passed ? "Kiểm tra điều kiện theo quy tắc: đạt" : "Kiểm tra điều kiện theo quy tắc: không đạt");
        return ActivityResult.Complete(evaluation.Passed ? "Passed" : "Failed");
    }
}
