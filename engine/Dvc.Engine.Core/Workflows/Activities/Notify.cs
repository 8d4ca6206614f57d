using Dvc.Engine.Core.Workflows.Dossiers;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Activities;

/// <summary><c>Dvc.Notify</c>: renders <see cref="Template"/> and queues it to the citizen by e-mail or SMS.</summary>
[Activity("Dvc.Notify", Category = "Notifications", DisplayName = "Notify citizen", DisplayNameVi = "Thông báo công dân",
    Description = "Sends a templated message to the citizen.", Icon = "notifications")]
public sealed class Notify : ActivityBase
{
    /// <summary>The template name declared by the procedure.</summary>
    [Input(UiHint = UiHints.Template, DisplayNameVi = "Mẫu thông báo", Description = "The notification template.", Order = 1)]
    public string? Template { get; set; }

    /// <summary><c>email</c> or <c>sms</c>.</summary>
    [Input(UiHint = UiHints.DropDown, DisplayNameVi = "Kênh", Description = "email or sms.", Order = 2, DefaultValue = "email")]
    public string? Channel { get; set; }

    /// <inheritdoc />
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var services = DossierModel.Services(context);
        var template = Template ?? "notification";
        var text = await services.RenderTemplateAsync(template, DossierModel.For(context.Dossier), cancellationToken);
        await services.EnqueueNotificationAsync(new DossierNotification(context.Dossier.Code, Channel ?? "email", template, text), cancellationToken);
        context.Log(Channel == "sms" ? "Gửi thông báo cho công dân qua tin nhắn" : "Gửi thông báo cho công dân qua thư điện tử");
        return ActivityResult.Done;
    }
}
