using System.Globalization;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Core.Workflows.Dossiers;
using Dvc.Engine.Sdk;
using NJsonSchema;

namespace Dvc.Engine.Core.Workflows.Activities;

/// <summary>
/// <c>Dvc.HumanTask</c>: an officer with <see cref="Role"/> decides. The activity waits on a bookmark whose payload
/// shows the title, role, SLA (due <see cref="SlaDays"/> in <see cref="DaysUnit"/> from now), outcomes with their
/// labels and form; the resume payload is <c>{ outcome, comment, data, officer, supplement }</c> and the task completes
/// with that outcome, which must be one of <see cref="Outcomes"/>.
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

    /// <summary>The service-level agreement, counted in <see cref="DaysUnit"/>.</summary>
    [Input(DisplayNameVi = "Thời hạn xử lý", Description = "Days the officer has.", Order = 3)]
    public double SlaDays { get; set; }

    /// <summary><c>WorkingDays</c> (the default) or <c>CalendarDays</c>.</summary>
    [Input(UiHint = UiHints.DropDown, DisplayNameVi = "Đơn vị thời hạn", Description = "WorkingDays (the dossier's working calendar) or CalendarDays.", Order = 4, DefaultValue = nameof(DayUnit.WorkingDays))]
    public string? DaysUnit { get; set; }

    /// <summary>The decisions the officer may take; each is an outbound port.</summary>
    [Input(IsPlain = true, UiHint = UiHints.StringList, DisplayNameVi = "Các quyết định", Description = "Outcomes the officer can choose.", Order = 5)]
    public string[] Outcomes { get; set; } = [];

    /// <summary>What each outcome reads as on buttons, in the inbox and the history: <c>{ "Accept": { "vi": "…", "en": "…" } }</c>.</summary>
    [Input(IsPlain = true, UiHint = UiHints.Json, DisplayNameVi = "Nhãn các quyết định", Description = "The label of each outcome in Vietnamese and English.", Order = 6)]
    public JsonObject? OutcomeLabels { get; set; }

    /// <summary>An optional JSON Schema of what the officer fills in.</summary>
    [Input(IsPlain = true, UiHint = UiHints.Json, DisplayNameVi = "Biểu mẫu", Description = "JSON Schema of the officer's input.", Order = 7)]
    public JsonObject? Form { get; set; }

    /// <summary>
    /// Another agency that handles this step ("liên thông"): <c>{ "code": "HN-CA" }</c>, or the agency serving the unit
    /// picked in a form field, <c>{ "unitField": "/previousCommune" }</c>. Absent: the dossier's handling agency.
    /// The procedure compiler checks and resolves it; the activity only carries it.
    /// </summary>
    [Input(IsPlain = true, UiHint = UiHints.Json, DisplayNameVi = "Cơ quan xử lý (liên thông)", Description = "Another agency that handles this step: { \"code\" } or { \"unitField\" }; empty = the dossier's agency.", Order = 8)]
    public JsonNode? Agency { get; set; }

    /// <summary>What another agency's officers see of the dossier: <c>{ "fields": [pointers], "attachments": [ids] }</c>.</summary>
    [Input(IsPlain = true, UiHint = UiHints.Json, DisplayNameVi = "Thông tin cơ quan liên thông được xem", Description = "Fields and attachments the other agency's officers see.", Order = 9)]
    public JsonObject? Shows { get; set; }

    /// <summary>The resume payload: outcome, comment, data, officer, and what a supplement request names.</summary>
    [Output(Description = "The officer's decision.")]
    public JsonObject? Result { get; set; }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        // A refusal while executing faults the instance: the period came from an expression the compiler could not check.
        if (!WorkingCalendar.TryParseUnit(DaysUnit, out var unit) || SlaDays < 0)
        {
            return ValueTask.FromResult(ActivityResult.RejectResume(DossierModel.BadPeriod(context, SlaDays, DaysUnit)));
        }

        var labels = new JsonObject();
        foreach (var outcome in Outcomes)
        {
            labels[outcome] = Activities.OutcomeLabels.Of(outcome, OutcomeLabels).ToJson();
        }

        var payload = new JsonObject
        {
            ["role"] = Role,
            ["title"] = Title?.DeepClone(),
            ["slaDays"] = SlaDays,
            ["daysUnit"] = unit.ToString(),
            ["slaDueAt"] = SlaDays > 0 ? DossierModel.Calendar(context).Add(context.Time.GetUtcNow(), (decimal)SlaDays, unit).ToString("O", CultureInfo.InvariantCulture) : null,
            ["outcomes"] = new JsonArray(Outcomes.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray()),
            ["outcomeLabels"] = labels,
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

        // The host records the decision itself (who, which label, the comment); a log line would only repeat it.
        Result = decision;
        return ActivityResult.Complete(outcome);
    }
}
