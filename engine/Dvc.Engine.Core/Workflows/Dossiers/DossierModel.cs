using System.Text.Json.Nodes;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Dossiers;

/// <summary>What the domain activities hand to templates and where they find the host's services.</summary>
internal static class DossierModel
{
    public static JsonObject For(DossierInfo dossier, string? decision = null) => new()
    {
        ["data"] = JsonNode.Parse(dossier.Data.ValueKind == System.Text.Json.JsonValueKind.Undefined ? "{}" : dossier.Data.GetRawText()),
        ["dossier"] = new JsonObject
        {
            ["code"] = dossier.Code,
            ["procedureCode"] = dossier.ProcedureCode,
            ["fee"] = dossier.Fee,
            ["serviceLevel"] = dossier.ServiceLevel,
            ["decision"] = decision,
        },
    };

    /// <summary>The working calendar the host counts deadlines with (the interpreter always offers one).</summary>
    public static WorkingCalendar Calendar(ActivityContext context) =>
        context.Services.GetService(typeof(WorkingCalendar)) as WorkingCalendar
        ?? throw new InvalidOperationException("The workflow host offered no WorkingCalendar.");

    /// <summary>Why a declared period cannot be counted, naming the activity.</summary>
    public static string BadPeriod(ActivityContext context, double days, string? unit) =>
        $"Thời hạn của '{context.ActivityId}' không hợp lệ: {days} ngày, đơn vị '{unit}' (dùng WorkingDays hoặc CalendarDays). / "
        + $"The period of '{context.ActivityId}' is invalid: {days} days in '{unit}' (use WorkingDays or CalendarDays, days above 0).";

    public static IDossierServices Services(ActivityContext context) =>
        context.Services.GetService(typeof(IDossierServices)) as IDossierServices
        ?? throw new InvalidOperationException("The workflow host registered no IDossierServices.");
}
