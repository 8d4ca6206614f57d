using System.Text.Json.Nodes;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Activities;

/// <summary>
/// <c>Dvc.WaitForSupplement</c>: asks the citizen for more documents and waits up to <see cref="Days"/> days. A resume
/// with the supplement completes with <c>Supplemented</c>; the timer (or <c>{ "outcome": "Expired" }</c>) with <c>Expired</c>.
/// </summary>
[Activity("Dvc.WaitForSupplement", Category = "Dossier processing", DisplayName = "Wait for supplement", DisplayNameVi = "Chờ bổ sung hồ sơ",
    Description = "Asks the citizen to supplement the dossier and waits.", Icon = "upload_file")]
[Outcomes("Supplemented", "Expired")]
public sealed class WaitForSupplement : ActivityBase
{
    /// <summary>What the citizen must add.</summary>
    [Input(UiHint = UiHints.MultiLine, DisplayNameVi = "Nội dung yêu cầu", Description = "What the citizen must supplement.", Order = 1)]
    public string? Message { get; set; }

    /// <summary>How long the citizen has, in days.</summary>
    [Input(DisplayNameVi = "Thời hạn (ngày)", Description = "Days before the request expires.", Order = 2, DefaultValue = 15d)]
    public double Days { get; set; }

    /// <summary>What the citizen sent.</summary>
    [Output(Description = "The supplement the citizen sent.")]
    public JsonNode? Supplement { get; set; }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var due = context.Time.GetUtcNow().AddDays(Days);
        context.Log($"Yêu cầu bổ sung hồ sơ: {Message}");
        var payload = new JsonObject { ["message"] = Message, ["days"] = Days };
        return ValueTask.FromResult(ActivityResult.WaitFor(new BookmarkRequest("Dvc.WaitForSupplement", context.ActivityId, payload, due)));
    }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, BookmarkRequest bookmark, JsonNode? payload, CancellationToken cancellationToken)
    {
        var expired = payload is null || (payload as JsonObject)?["outcome"]?.ToString() == "Expired";
        if (expired)
        {
            return ValueTask.FromResult(ActivityResult.Complete("Expired"));
        }

        Supplement = payload is JsonObject obj && obj["data"] is { } data ? data.DeepClone() : payload!.DeepClone();
        return ValueTask.FromResult(ActivityResult.Complete("Supplemented"));
    }
}
