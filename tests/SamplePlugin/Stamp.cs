using Dvc.Engine.Sdk;

namespace SamplePlugin;

/// <summary><c>Sample.Stamp</c>: stamps the dossier with a text, or rejects when there is none.</summary>
[Activity("Sample.Stamp", Category = "Samples", DisplayName = "Stamp", DisplayNameVi = "Đóng dấu", Description = "Stamps the dossier.", Icon = "approval")]
[Outcomes("Stamped", "Rejected")]
public sealed class Stamp : ActivityBase
{
    [Input(DisplayNameVi = "Nội dung dấu", Description = "Text of the stamp.")]
    public string? StampText { get; set; }

    [Output(Description = "Who stamped: the dossier code and the stamp text.")]
    public string? Stamped { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(StampText))
        {
            context.Log("Không có nội dung dấu");
            return ValueTask.FromResult(ActivityResult.Complete("Rejected"));
        }

        Stamped = $"{context.Dossier.Code}: {StampText}";
        context.Log($"Đóng dấu {StampText} lúc {context.Time.GetUtcNow():dd/MM/yyyy}");
        return ValueTask.FromResult(ActivityResult.Complete("Stamped"));
    }
}
