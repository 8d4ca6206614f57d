using Dvc.Engine.Core.Workflows.Dossiers;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Activities;

/// <summary><c>Dvc.SyncNationalPortal</c>: queues the dossier's <see cref="Status"/> for the national public-service portal.</summary>
[Activity("Dvc.SyncNationalPortal", Category = "Integration", DisplayName = "Sync national portal", DisplayNameVi = "Đồng bộ Cổng DVC quốc gia",
    Description = "Pushes the dossier status to the national portal.", Icon = "sync")]
public sealed class SyncNationalPortal : ActivityBase
{
    /// <summary>The status to publish.</summary>
    [Input(DisplayNameVi = "Trạng thái", Description = "The dossier status to publish.")]
    public string? Status { get; set; }

    /// <inheritdoc />
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        await DossierModel.Services(context).EnqueuePortalSyncAsync(new PortalSync(context.Dossier.Code, Status ?? string.Empty), cancellationToken);
        context.Log("Đồng bộ tiến độ hồ sơ lên Cổng Dịch vụ công quốc gia");
        return ActivityResult.Done;
    }
}
