using System.Globalization;
using System.Text;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Workflows;

namespace Dvc.Engine.Core.Tests.Workflows.Activities;

/// <summary>
/// Issue 16 item 6 / issue 13 §1: a task's SLA and a citizen's supplement and payment periods are declared in working
/// or calendar days, the unit explicit in the JSON; the clock starts on Monday 02/03/2026 08:00 (Hanoi).
/// </summary>
public sealed class PeriodTests
{
    private static string Flow(string activity) => $$"""
        { "root": { "id": "root", "type": "Elsa.Flowchart", "activities": [ {{activity}} ], "connections": [] } }
        """;

    private static string Days(string name, double days, string? unit) =>
        $$"""
        "{{name}}": { "typeName": "Double", "expression": { "type": "Literal", "value": {{days.ToString(CultureInfo.InvariantCulture)}} } }
        """ + (unit is null ? "" : $$""", "daysUnit": { "typeName": "String", "expression": { "type": "Literal", "value": "{{unit}}" } }""");

    private static async Task<Dvc.Engine.Core.Workflows.Runtime.WorkflowBookmark> WaitAsync(string activity)
    {
        var workflow = WorkflowTestKit.CompileBytes(Encoding.UTF8.GetBytes(Flow(activity)), "period.json");
        var started = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier(fee: 64000m));
        return Assert.Single(started.Bookmarks);
    }

    [Theory]
    [InlineData("WorkingDays", "trước 24:00 ngày 06/03/2026")]
    [InlineData("CalendarDays", "trước 24:00 ngày 09/03/2026")]
    [InlineData(null, "trước 24:00 ngày 09/03/2026")]
    public async Task A_supplement_request_waits_until_the_end_of_its_period_in_the_declared_unit(string? unit, string deadline)
    {
        var bookmark = await WaitAsync($$"""{ "id": "s", "type": "Dvc.WaitForSupplement", {{Days("days", 5, unit)}} }""");

        Assert.Equal(deadline, DeadlineText.Format(bookmark.DueAt!.Value, english: false));
        Assert.Equal(unit ?? "CalendarDays", bookmark.Payload!["daysUnit"]!.GetValue<string>());
        Assert.Equal(bookmark.DueAt, DateTimeOffset.Parse(bookmark.Payload["dueAt"]!.GetValue<string>(), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_payment_request_with_days_expires_at_the_end_of_its_period()
    {
        var bookmark = await WaitAsync($$"""
            { "id": "p", "type": "Dvc.RequestPayment", "amount": { "typeName": "Decimal", "expression": { "type": "JavaScript", "value": "getFee()" } }, {{Days("days", 3, "WorkingDays")}} }
            """);

        Assert.Equal("trước 24:00 ngày 04/03/2026", DeadlineText.Format(bookmark.DueAt!.Value, english: false));
        Assert.Equal(64000m, bookmark.Payload!["amount"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_payment_request_without_a_period_never_expires_by_itself()
    {
        var bookmark = await WaitAsync("""{ "id": "p", "type": "Dvc.RequestPayment" }""");

        Assert.Null(bookmark.DueAt);
    }

    [Theory]
    [InlineData(null, "2026-03-03T17:00:00+07:00")]
    [InlineData("WorkingDays", "2026-03-03T17:00:00+07:00")]
    [InlineData("CalendarDays", "2026-03-04T08:00:00+07:00")]
    public async Task A_tasks_sla_counts_working_days_unless_it_says_calendar_days(string? unit, string due)
    {
        var bookmark = await WaitAsync($$"""
            { "id": "t", "type": "Dvc.HumanTask", "outcomes": [ "Approve" ], {{Days("slaDays", 2, unit)}} }
            """);

        Assert.Equal(DateTimeOffset.Parse(due, CultureInfo.InvariantCulture), DateTimeOffset.Parse(bookmark.Payload!["slaDueAt"]!.GetValue<string>(), CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("""{ "id": "s", "type": "Dvc.WaitForSupplement", "days": { "typeName": "Double", "expression": { "type": "Literal", "value": 5 } }, "daysUnit": { "typeName": "String", "expression": { "type": "Literal", "value": "Weeks" } } }""", WorkflowDiagnostics.InvalidPeriod, "/root/activities/0/daysUnit/expression/value")]
    [InlineData("""{ "id": "t", "type": "Dvc.HumanTask", "outcomes": [ "Approve" ], "slaDays": { "typeName": "Double", "expression": { "type": "Literal", "value": -1 } } }""", WorkflowDiagnostics.InvalidPeriod, "/root/activities/0/slaDays/expression/value")]
    public void An_unknown_unit_or_a_negative_period_is_a_compile_error(string activity, string code, string pointer)
    {
        var result = WorkflowCompiler.Compile(Encoding.UTF8.GetBytes(Flow(activity)), "period.json", WorkflowCompileContext.Default);

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Code == code);
        Assert.Equal(pointer, diagnostic.JsonPointer);
        Assert.Null(result.Workflow);
    }

    [Fact]
    public void A_citizens_period_without_a_unit_is_a_warning_and_still_runs()
    {
        var result = WorkflowCompiler.Compile(
            Encoding.UTF8.GetBytes(Flow($$"""{ "id": "s", "type": "Dvc.WaitForSupplement", {{Days("days", 5, null)}} }""")), "period.json", WorkflowCompileContext.Default);

        Assert.Contains(result.Diagnostics, d => d.Code == WorkflowDiagnostics.PeriodWithoutUnit && d.Severity == DiagnosticSeverity.Warning);
        Assert.NotNull(result.Workflow);
    }
}
