using Dvc.Engine.Core.Workflows.Runtime;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary>The Elsa 3 activities the engine runs, with their palette descriptors (names kept verbatim).</summary>
internal static class ElsaActivities
{
    public static IEnumerable<(ActivityDescriptor Descriptor, IActivityBehavior Behavior)> All()
    {
        yield return (Describe("Elsa.Flowchart", "Flowchart", "Lưu đồ", "Flow", [], ["Done"], dynamic: true), new Flowchart());
        yield return (Describe("Elsa.Sequence", "Sequence", "Tuần tự", "Flow", [], ["Done"]), new Sequence());
        yield return (Describe("Elsa.FlowNode", "Flow node", "Nút lưu đồ", "Flow", [], ["Done"]), new FlowNode());
        yield return (Describe("Elsa.Start", "Start", "Bắt đầu", "Flow", [], ["Done"]), new Start());
        yield return (Describe("Elsa.End", "End", "Kết thúc", "Flow", [], ["Done"]), new End());
        yield return (Describe("Elsa.Finish", "Finish", "Hoàn tất quy trình", "Flow", [], ["Done"]), new Finish());
        yield return (Describe("Elsa.Complete", "Complete", "Hoàn thành với kết quả", "Flow", [Input("outcomes", "Object", UiHints.StringList)], [], dynamic: true), new Complete());
        yield return (Describe("Elsa.Fault", "Fault", "Báo lỗi", "Flow", [Input("code", "String"), Input("category", "String"), Input("message", "String")], ["Done"]), new Fault());
        yield return (Describe("Elsa.FlowDecision", "Decision", "Rẽ nhánh điều kiện", "Branching", [Input("condition", "Boolean", UiHints.Expression)], ["True", "False"]), new FlowDecision());
        yield return (Describe("Elsa.FlowSwitch", "Switch (flow)", "Rẽ nhiều nhánh", "Branching", [Input("cases", "Object", "flow-switch-editor", plain: true), Input("mode", "String", UiHints.DropDown)], ["Default"], dynamic: true), new FlowSwitch());
        yield return (Describe("Elsa.FlowFork", "Fork (flow)", "Tách nhánh song song", "Branching", [Input("branches", "String[]", UiHints.StringList)], ["Done"], dynamic: true), new FlowFork());
        yield return (Describe("Elsa.FlowJoin", "Join", "Hợp nhánh", "Branching", [Input("mode", "String", UiHints.DropDown)], ["Done"]), new FlowJoin());
        yield return (Describe("Elsa.Fork", "Fork", "Song song", "Control Flow", [Input("joinMode", "String", UiHints.DropDown, plain: true)], ["Done"]), new Fork());
        yield return (Describe("Elsa.If", "If", "Nếu", "Branching", [Input("condition", "Boolean", UiHints.Expression)], ["Done"]), new If());
        yield return (Describe("Elsa.SetVariable", "Set variable", "Gán biến", "Primitives", [Input("variable", "Object", "variable-picker", plain: true), Input("value", "Object", UiHints.Expression)], ["Done"]), new SetVariable());
        yield return (Describe("Elsa.SetOutput", "Set output", "Gán đầu ra", "Primitives", [Input("outputName", "String"), Input("outputValue", "Object", UiHints.Expression)], ["Done"]), new SetOutput());
        yield return (Describe("Elsa.WriteLine", "Write line", "Ghi nhật ký hồ sơ", "Console", [Input("text", "String", UiHints.MultiLine)], ["Done"]), new WriteLine());
        yield return (Describe("Elsa.SetName", "Set name", "Đặt tên phiên chạy", "Primitives", [Input("value", "String")], ["Done"]), new SetName());
        yield return (Describe("Elsa.Correlate", "Correlate", "Gán mã tương quan", "Primitives", [Input("correlationId", "String")], ["Done"]), new Correlate());
        yield return (Describe("Elsa.Delay", "Delay", "Chờ một khoảng thời gian", "Scheduling", [Input("timeSpan", "TimeSpan")], ["Done"]), new Delay());
        yield return (Describe("Elsa.Timer", "Timer", "Hẹn giờ", "Scheduling", [Input("interval", "TimeSpan")], ["Done"]), new Timer());
        yield return (Describe("Elsa.Event", "Event", "Chờ sự kiện", "Primitives", [Input("eventName", "String")], ["Done"]), new Event());
        yield return (Describe("Elsa.RunTask", "Run task", "Chờ tác vụ bên ngoài", "Primitives", [Input("taskName", "String"), Input("payload", "Object", UiHints.Json)], ["Done"]), new RunTask());
        yield return (Describe("Elsa.Cron", "Cron", "Hẹn giờ theo lịch cron", "Scheduling", [Input("cronExpression", "String")], ["Done"]), new Cron());
        yield return (Describe("Elsa.While", "While", "Lặp khi điều kiện đúng", "Looping", [Input("condition", "Boolean", UiHints.Expression)], ["Done"]), new While());
        yield return (Describe("Elsa.For", "For", "Lặp theo bộ đếm", "Looping", [Input("start", "Int32"), Input("end", "Int32"), Input("step", "Int32"), Input("outerBoundInclusive", "Boolean", UiHints.Checkbox)], ["Done"]), new For());
        yield return (Describe("Elsa.ForEach", "For each", "Lặp qua từng phần tử", "Looping", [Input("items", "Object", UiHints.Expression)], ["Done"]), new ForEach());
        yield return (Describe("Elsa.ParallelForEach", "Parallel for each", "Chạy song song cho từng phần tử", "Looping", [Input("items", "Object", UiHints.Expression)], ["Done"]), new ParallelForEach());
        yield return (Describe("Elsa.Break", "Break", "Thoát vòng lặp", "Looping", [], ["Done"]), new Break());
        yield return (Describe("Elsa.Switch", "Switch", "Rẽ nhánh theo trường hợp", "Branching", [Input("cases", "Object", "switch-editor", plain: true), Input("mode", "String", UiHints.DropDown)], ["Done"]), new Switch());
        yield return (Describe("Elsa.RunJavaScript", "Run JavaScript", "Chạy JavaScript", "Scripting", [Input("script", "String", UiHints.MultiLine), Input("possibleOutcomes", "String[]", UiHints.StringList)], ["Done"], dynamic: true), new RunJavaScript());
        yield return (Describe("Elsa.ExecuteWorkflow", "Execute workflow", "Chạy quy trình con", "Composition", [Input("workflowDefinitionId", "String"), Input("input", "Object", UiHints.Json), Input("waitForCompletion", "Boolean", UiHints.Checkbox), Input("correlationId", "String")], ["Done"]), new ExecuteWorkflow());
    }

    private static ActivityDescriptor Describe(string type, string en, string vi, string category, IReadOnlyList<InputDescriptor> inputs, IReadOnlyList<string> outcomes, bool dynamic = false)
    {
        IReadOnlyList<OutputDescriptor> outputs = type switch
        {
            "Elsa.Event" or "Elsa.RunTask" or "Elsa.If" or "Elsa.RunJavaScript" or "Elsa.ExecuteWorkflow" => [new OutputDescriptor("result", "Object", "Result", null)],
            "Elsa.For" or "Elsa.ForEach" => [new OutputDescriptor("currentValue", "Object", "Current value", null)],
            _ => [],
        };
        return new ActivityDescriptor(type, en, vi, category, null, null, inputs, outputs, outcomes, HasDynamicOutcomes: dynamic);
    }

    private static InputDescriptor Input(string name, string typeName, string uiHint = UiHints.SingleLine, bool plain = false) =>
        new(name, typeName, char.ToUpperInvariant(name[0]) + name[1..], char.ToUpperInvariant(name[0]) + name[1..], null, uiHint, 0, null, plain);
}
