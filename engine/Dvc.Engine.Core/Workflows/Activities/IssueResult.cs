using Dvc.Engine.Core.Workflows.Dossiers;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Activities;

/// <summary><c>Dvc.IssueResult</c>: renders the result document from <see cref="Template"/> and records it with the decision.</summary>
[Activity("Dvc.IssueResult", Category = "Dossier processing", DisplayName = "Issue result", DisplayNameVi = "Trả kết quả",
    Description = "Renders and records the result of the dossier.", Icon = "verified")]
public sealed class IssueResult : ActivityBase
{
    /// <summary>The template name declared by the procedure.</summary>
    [Input(UiHint = UiHints.Template, DisplayNameVi = "Mẫu kết quả", Description = "The result template.", Order = 1)]
    public string? Template { get; set; }

    /// <summary><c>Approved</c> or <c>Rejected</c>.</summary>
    [Input(UiHint = UiHints.DropDown, DisplayNameVi = "Quyết định", Description = "Approved or Rejected.", Order = 2, DefaultValue = "Approved")]
    public string? Decision { get; set; }

    /// <inheritdoc />
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var services = DossierModel.Services(context);
        var template = Template ?? "result";
        var decision = Decision ?? "Approved";
        var text = await services.RenderTemplateAsync(template, DossierModel.For(context.Dossier, decision), cancellationToken);
        await services.RecordResultAsync(new IssuedResult(context.Dossier.Code, decision, template, text), cancellationToken);
        return ActivityResult.Done;
    }
}
