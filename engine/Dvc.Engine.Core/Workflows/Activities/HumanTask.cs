using System.Globalization;
using System.Text.Json.Nodes;
using Dvc.Engine.Sdk;
using NJsonSchema;

namespace Dvc.Engine.Core.Workflows.Activities;

/// <summary>
/// <c>Dvc.HumanTask</c>: an officer with <see cref="Role"/> decides. The activity waits on a bookmark whose payload
/// shows the title, role, SLA, outcomes and form; the resume payload is <c>{ outcome, comment, data, officer }</c>
/// and the task completes with that outcome, which must be one of <see cref="Outcomes"/>.
/// </summary>
[Activity("Dvc.HumanTask", Category = "Dossier processing", DisplayName = "Human task", DisplayNameVi = "Xử lý của cán bộ",
    Description = "Waits for an officer of the given role to decide.", Icon = "assignment_ind")]
[Outcomes("Approve", "Reject", "RequestSupplement", FromProperty = "outcomes")]
public sealed class HumanTask : ActivityBase
{
    /// <summary>The officer role (one of the procedure's roles).</summary>
    [Input(UiHint = UiHints.Role, DisplayNameVi = "Vai trò", Description = "The officer role that handles the task.", Order = 1)]
    public string? Role { get; set; }

    /// <summary>The task title, <c>{ "vi": "…", "en": "…" }</c>.</summary>
    [Input(UiHint = UiHints.LocalizedText, DisplayNameVi = "Tiêu đề", Description = "Task title shown in the officer inbox.", Order = 2)]
    public JsonNode? Title { get; set; }

    /// <summary>The service-level agreement in working days.</summary>
    [Input(DisplayNameVi = "Thời hạn (ngày làm việc)", Description = "Days the officer has.", Order = 3)]
    public double SlaDays { get; set; }

    /// <summary>The decisions the officer may take; each is an outbound port.</summary>
    [Input(IsPlain = true, UiHint = UiHints.StringList, DisplayNameVi = "Các quyết định", Description = "Outcomes the officer can choose.", Order = 4)]
    public string[] Outcomes { get; set; } = [];

    /// <summary>An optional JSON Schema of what the officer fills in.</summary>
    [Input(IsPlain = true, UiHint = UiHints.Json, DisplayNameVi = "Biểu mẫu", Description = "JSON Schema of the officer's input.", Order = 5)]
    public JsonObject? Form { get; set; }

    /// <summary>
    /// Another agency that handles this step ("liên thông"): <c>{ "code": "HN-CA" }</c>, or the agency serving the unit
    /// picked in a form field, <c>{ "unitField": "/previousCommune" }</c>. Absent: the dossier's handling agency.
    /// The procedure compiler checks and resolves it; the activity only carries it.
    /// </summary>
    [Input(IsPlain = true, UiHint = UiHints.Json, DisplayNameVi = "Cơ quan xử lý (liên thông)", Description = "Another agency that handles this step: { \"code\" } or { \"unitField\" }; empty = the dossier's agency.", Order = 6)]
    public JsonNode? Agency { get; set; }

    /// <summary>What another agency's officers see of the dossier: <c>{ "fields": [pointers], "attachments": [ids] }</c>.</summary>
    [Input(IsPlain = true, UiHint = UiHints.Json, DisplayNameVi = "Thông tin cơ quan liên thông được xem", Description = "Fields and attachments the other agency's officers see.", Order = 7)]
    public JsonObject? Shows { get; set; }

    /// <summary>The resume payload: outcome, comment, data, officer.</summary>
    [Output(Description = "The officer's decision.")]
    public JsonObject? Result { get; set; }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        var payload = new JsonObject
        {
            ["role"] = Role,
            ["title"] = Title?.DeepClone(),
            ["slaDays"] = SlaDays,
            ["slaDueAt"] = now.AddDays(SlaDays).ToString("O", CultureInfo.InvariantCulture),
            ["outcomes"] = new JsonArray(Outcomes.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray()),
            ["form"] = Form?.DeepClone(),
        };
        return ValueTask.FromResult(ActivityResult.WaitFor(new BookmarkRequest("Dvc.HumanTask", context.ActivityId, payload)));
    }

    /// <inheritdoc />
    public override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, BookmarkRequest bookmark, JsonNode? payload, CancellationToken cancellationToken)
    {
        var decision = payload as JsonObject ?? [];
        var outcome = decision["outcome"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        if (outcome is null || !Outcomes.Contains(outcome, StringComparer.Ordinal))
        {
            return ActivityResult.RejectResume(
                $"Kết quả '{outcome}' không có trong công việc này; chọn một trong: {string.Join(", ", Outcomes)}. / Outcome '{outcome}' is not offered by this task.");
        }

        if (Form is not null)
        {
            // The officer's input must match the task's form, as a citizen's submission must match the procedure's.
            var schema = await JsonSchema.FromJsonAsync(Form.ToJsonString(), cancellationToken);
            var errors = schema.Validate(decision["data"]?.ToJsonString() ?? "{}");
            if (errors.Count > 0)
            {
                var list = string.Join("; ", errors.Select(e => $"{e.Path} {e.Kind}"));
                return ActivityResult.RejectResume($"Dữ liệu xử lý không hợp lệ / the officer's data does not match the form: {list}");
            }
        }

        Result = decision;
        var officer = decision["officer"]?.ToString();
        var comment = decision["comment"]?.ToString();
        context.Log($"{(string.IsNullOrEmpty(officer) ? Role : officer)}: {outcome}{(string.IsNullOrEmpty(comment) ? string.Empty : " — " + comment)}");
        return ActivityResult.Complete(outcome);
    }
}
