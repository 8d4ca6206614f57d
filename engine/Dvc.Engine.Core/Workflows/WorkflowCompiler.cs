using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Workflows.Activities.Elsa;
using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Core.Workflows.Model;
using Dvc.Engine.Core.Workflows.Runtime;
using Dvc.Engine.Core.Workflows.Serialization;

namespace Dvc.Engine.Core.Workflows;

/// <summary>
/// Reads an Elsa 3 workflow JSON, checks it and prepares it to run once per version: activity types resolved,
/// expressions parsed (JavaScript prepared, Liquid parsed), flowchart graphs analysed. Every problem is a
/// <see cref="Diagnostic"/> with file, JSON pointer, line and column; nothing throws on bad input.
/// </summary>
public static class WorkflowCompiler
{
    private const string HumanTaskType = "Dvc.HumanTask";

    /// <summary>Compiles one workflow file.</summary>
    /// <param name="json">The file's bytes (UTF-8, a BOM is accepted).</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <param name="context">Declared roles and the activity registry.</param>
    public static WorkflowCompileResult Compile(ReadOnlyMemory<byte> json, string file, WorkflowCompileContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var diagnostics = new DiagnosticBag(file, JsonLineMap.Build(json.Span));
        var root = WorkflowReader.Parse(json, diagnostics);
        var document = root is null ? null : WorkflowReader.Read(root, diagnostics);
        if (document is null)
        {
            return new WorkflowCompileResult(null, null, diagnostics.Items);
        }

        var compiler = new Compilation(document, context, diagnostics);
        var compiledRoot = compiler.CompileActivity(document.Root, null);
        compiler.CheckVariableReferences();
        if (context.Templates is not null && !diagnostics.HasErrors)
        {
            // Compiled as a procedure's workflow: each of its ends is a dossier's end, which should carry a result.
            ResultPathCheck.Check(compiledRoot, diagnostics);
        }

        var workflow = diagnostics.HasErrors ? null : new CompiledWorkflow(document, file, compiledRoot, compiler.Activities, compiler.Variables);
        return new WorkflowCompileResult(workflow, document, diagnostics.Items);
    }

    private sealed class Compilation(WorkflowDocument document, WorkflowCompileContext context, DiagnosticBag diagnostics)
    {
        public Dictionary<string, CompiledActivity> Activities { get; } = new(StringComparer.Ordinal);

        public List<VariableDefinition> Variables { get; } = [.. document.Variables, .. document.AllActivities().SelectMany(a => a.Variables)];

        private readonly HashSet<string> _workflowOutputs = ReadWorkflowOutputNames(document.Json);

        public CompiledActivity CompileActivity(ActivityNode node, CompiledActivity? parent)
        {
            ActivityRegistration? registration = null;
            if (!context.Registry.TryGet(node.Type, out var found))
            {
                diagnostics.Error(
                    WorkflowDiagnostics.UnknownActivityType,
                    $"Activity type '{node.Type}' of '{node.Id}' is not supported; its JSON and connections are kept.",
                    node.Pointer + "/" + (JsonLookup.Find(node.Json, "type") ?? "type"));
            }
            else
            {
                registration = found;
            }

            var compiled = new CompiledActivity(node, registration, parent);
            if (!Activities.TryAdd(node.Id, compiled))
            {
                diagnostics.Error(WorkflowDiagnostics.DuplicateActivityId, $"Activity id '{node.Id}' is used more than once.", node.Pointer + "/id");
            }

            foreach (var input in node.Inputs.Values)
            {
                CompileExpression(compiled, input.Name, input);
            }

            if (node.Type == "Elsa.FlowSwitch" && node.Property("cases") is JsonArray cases)
            {
                var casesPointer = node.Pointer + "/" + JsonLookup.Find(node.Json, "cases");
                for (var i = 0; i < cases.Count; i++)
                {
                    if (cases[i] is JsonObject switchCase && JsonLookup.Find(switchCase, "condition") is { } conditionKey)
                    {
                        var condition = WorkflowReader.ReadExpression(FlowSwitch.CaseKey(i), "Boolean", switchCase[conditionKey], $"{casesPointer}/{i}/{conditionKey}") with { IsBare = true };
                        CompileExpression(compiled, FlowSwitch.CaseKey(i), condition);
                    }
                }
            }

            if (node.Type == HumanTaskType)
            {
                CheckHumanTask(node);
            }

            CheckPeriod(node);

            CheckProcedurePart(node, "Dvc.IssueResult", "template", context.Templates, "template");
            CheckProcedurePart(node, "Dvc.Notify", "template", context.Templates, "template");
            CheckProcedurePart(node, "Dvc.EvaluateRules", "workflowName", context.RulesWorkflows, "rules workflow");

            var children = new List<CompiledActivity>();
            foreach (var (_, slot) in node.Slots)
            {
                foreach (var child in slot)
                {
                    children.Add(CompileActivity(child, compiled));
                }
            }

            compiled.Children = node.Slot("activities").Count > 0 || node.Slot("body").Count > 0 || node.Slot("branches").Count > 0
                ? children.Where(c => node.Slot("activities").Concat(node.Slot("body")).Concat(node.Slot("branches")).Contains(c.Node)).ToList()
                : [];

            if (node.Type == "Elsa.Flowchart")
            {
                compiled.Graph = BuildGraph(node);
            }

            return compiled;
        }

        public void CheckVariableReferences()
        {
            var known = Variables.SelectMany(v => new[] { v.Id, v.Name }).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var activity in Activities.Values)
            {
                if (activity.Type == "Elsa.SetVariable" && SetVariable.Reference(activity.Node) is var reference
                    && (reference is null || !known.Contains(reference)))
                {
                    diagnostics.Error(
                        WorkflowDiagnostics.UnknownVariable,
                        $"SetVariable '{activity.Id}' names variable '{reference}', which is not declared.",
                        activity.Node.Pointer + "/" + (JsonLookup.Find(activity.Node.Json, "variable") ?? "variable"));
                }

                foreach (var expression in activity.Expressions.Values.OfType<VariableExpression>())
                {
                    if (!known.Contains(expression.Reference ?? string.Empty) && !known.Contains(expression.ReferenceName ?? string.Empty))
                    {
                        diagnostics.Error(
                            WorkflowDiagnostics.UnknownVariable,
                            $"Input '{expression.Source.Name}' of '{activity.Id}' reads variable '{expression.Reference}', which is not declared.",
                            expression.Source.ValuePointer);
                    }
                }

                foreach (var (output, target) in activity.Node.OutputBindings)
                {
                    if (!known.Contains(target) && !_workflowOutputs.Contains(target))
                    {
                        diagnostics.Warning(
                            WorkflowDiagnostics.UnknownVariable,
                            $"Output '{output}' of '{activity.Id}' is bound to '{target}', which is neither a variable nor a workflow output; it is kept as a workflow output.",
                            activity.Node.Pointer + "/" + (JsonLookup.Find(activity.Node.Json, output) ?? output));
                    }
                }
            }
        }

        private void CompileExpression(CompiledActivity activity, string key, ExpressionInput input)
        {
            switch (input.ExpressionType)
            {
                case "Literal":
                    activity.Expressions[key] = new LiteralExpression(input);
                    break;
                case "Object" or "Json":
                    activity.Expressions[key] = new ObjectExpression(input);
                    break;
                case "Variable":
                    activity.Expressions[key] = new VariableExpression(input);
                    break;
                case "Input":
                    activity.Expressions[key] = new WorkflowInputExpression(input);
                    break;
                case "JavaScript":
                    if (JavaScriptExpression.TryCompile(input, out var jsError) is { } script)
                    {
                        activity.Expressions[key] = script;
                    }
                    else
                    {
                        diagnostics.Error(WorkflowDiagnostics.JavaScriptSyntax, $"The JavaScript of input '{input.Name}' in '{activity.Id}' does not parse: {jsError}", input.ValuePointer);
                    }

                    break;
                case "Liquid":
                    if (LiquidExpression.TryCompile(input, out var liquidError) is { } template)
                    {
                        activity.Expressions[key] = template;
                    }
                    else
                    {
                        diagnostics.Error(WorkflowDiagnostics.LiquidSyntax, $"The Liquid of input '{input.Name}' in '{activity.Id}' does not parse: {liquidError}", input.ValuePointer);
                    }

                    break;
                default:
                    diagnostics.Error(
                        WorkflowDiagnostics.UnsupportedExpression,
                        $"Expression type '{input.ExpressionType}' of input '{input.Name}' in '{activity.Id}' is not supported; use Literal, Object, Variable, Input, JavaScript or Liquid.",
                        input.TypePointer);
                    break;
            }
        }

        private void CheckHumanTask(ActivityNode node)
        {
            var outcomesKey = JsonLookup.Find(node.Json, "outcomes");
            if (outcomesKey is null || node.Json[outcomesKey] is not JsonArray { Count: > 0 })
            {
                diagnostics.Error(WorkflowDiagnostics.MissingOutcomes, $"Human task '{node.Id}' declares no 'outcomes'.", node.Pointer + (outcomesKey is null ? string.Empty : "/" + outcomesKey));
            }

            var labels = node.Property("outcomeLabels") as JsonObject;
            var outcomes = (node.Property("outcomes") as JsonArray ?? []).Select(o => o is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList();
            foreach (var outcome in outcomes.Where(o => Workflows.Activities.OutcomeLabels.Find(o, labels) is null))
            {
                diagnostics.Warning(
                    WorkflowDiagnostics.OutcomeWithoutLabel,
                    $"Outcome '{outcome}' of human task '{node.Id}' has no label; declare it in 'outcomeLabels' ({{ \"{outcome}\": {{ \"vi\": \"…\", \"en\": \"…\" }} }}) or the inbox shows its id.",
                    node.Pointer + "/" + (JsonLookup.Find(node.Json, labels is null ? "outcomes" : "outcomeLabels") ?? "outcomes"));
            }

            foreach (var (name, _) in labels ?? [])
            {
                if (!outcomes.Contains(name, StringComparer.Ordinal))
                {
                    diagnostics.Warning(
                        WorkflowDiagnostics.OutcomeWithoutLabel,
                        $"'outcomeLabels' of human task '{node.Id}' labels '{name}', which is not one of its outcomes ({string.Join(", ", outcomes)}).",
                        node.Pointer + "/" + JsonLookup.Find(node.Json, "outcomeLabels") + "/" + name);
                }
            }

            if (context.Roles is null)
            {
                return;
            }

            if (!node.Inputs.TryGetValue("role", out var role) && node.Property("role") is null)
            {
                diagnostics.Error(WorkflowDiagnostics.UnknownRole, $"Human task '{node.Id}' names no role.", node.Pointer);
                return;
            }

            var roleValue = role is null ? node.Property("role") : role.ExpressionType == "Literal" ? role.Value : null;
            if (roleValue is JsonValue value && value.TryGetValue<string>(out var roleName) && !context.Roles.Contains(roleName, StringComparer.Ordinal))
            {
                diagnostics.Error(
                    WorkflowDiagnostics.UnknownRole,
                    $"Human task '{node.Id}' names role '{roleName}', which the procedure does not declare (roles: {string.Join(", ", context.Roles)}).",
                    role?.ValuePointer ?? node.Pointer + "/" + JsonLookup.Find(node.Json, "role"));
            }
        }

        /// <summary>A period's unit must be one the calendar knows; a citizen's period in days should say which days it counts.</summary>
        private void CheckPeriod(ActivityNode node)
        {
            var daysInput = node.Type switch
            {
                HumanTaskType => "slaDays",
                "Dvc.WaitForSupplement" or "Dvc.RequestPayment" => "days",
                _ => null,
            };
            if (daysInput is null)
            {
                return;
            }

            if (node.Inputs.TryGetValue("daysUnit", out var unit) && unit.ExpressionType == "Literal"
                && !(unit.Value is JsonValue value && value.TryGetValue<string>(out var text) && Calendar.WorkingCalendar.TryParseUnit(text, out _)))
            {
                diagnostics.Error(
                    WorkflowDiagnostics.InvalidPeriod,
                    $"'daysUnit' of '{node.Id}' is '{unit.Value?.ToJsonString()}'; use \"WorkingDays\" or \"CalendarDays\".",
                    unit.ValuePointer);
            }

            if (node.Inputs.TryGetValue(daysInput, out var days) && days.ExpressionType == "Literal"
                && (days.Value is not JsonValue number || !double.TryParse(number.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var count) || count < 0))
            {
                diagnostics.Error(WorkflowDiagnostics.InvalidPeriod, $"'{daysInput}' of '{node.Id}' must be a number of days, 0 or more.", days.ValuePointer);
            }

            if (node.Type != HumanTaskType && node.Inputs.ContainsKey(daysInput) && !node.Inputs.ContainsKey("daysUnit"))
            {
                diagnostics.Warning(
                    WorkflowDiagnostics.PeriodWithoutUnit,
                    $"'{node.Id}' gives the citizen {daysInput} without 'daysUnit'; calendar days are assumed. Declare \"WorkingDays\" or \"CalendarDays\".",
                    days!.ValuePointer);
            }
        }

        private void CheckProcedurePart(ActivityNode node, string type, string inputName, IReadOnlyCollection<string>? declared, string kind)
        {
            if (node.Type != type || declared is null)
            {
                return;
            }

            // A wrapped Literal input, or a bare string (Elsa reads a primitive as a Literal).
            var (value, pointer) = node.Inputs.TryGetValue(inputName, out var input)
                ? (input.ExpressionType == "Literal" ? input.Value : null, input.ValuePointer)
                : (node.Property(inputName), node.Pointer + "/" + inputName);
            if (value is JsonValue literal && literal.TryGetValue<string>(out var name) && !declared.Contains(name, StringComparer.Ordinal))
            {
                diagnostics.Error(
                    WorkflowDiagnostics.UnknownProcedurePart,
                    $"'{node.Id}' ({type}) names {kind} '{name}', which the procedure does not declare (declared: {string.Join(", ", declared)}).",
                    pointer);
            }
        }

        private FlowGraph BuildGraph(ActivityNode flowchart)
        {
            var children = flowchart.Slot("activities").GroupBy(x => x.Id, StringComparer.Ordinal).ToDictionary(x => x.Key, x => x.First(), StringComparer.Ordinal);
            var valid = new List<ConnectionDefinition>();
            foreach (var connection in flowchart.Connections)
            {
                var missing = !children.ContainsKey(connection.SourceId) ? (connection.SourceId, connection.SourcePointer)
                    : !children.ContainsKey(connection.TargetId) ? (connection.TargetId, connection.TargetPointer)
                    : default;
                if (missing.Item1 is not null)
                {
                    diagnostics.Error(
                        WorkflowDiagnostics.ConnectionToMissingActivity,
                        $"A connection of flowchart '{flowchart.Id}' names activity '{missing.Item1}', which is not in that flowchart.",
                        missing.Item2);
                    continue;
                }

                var source = children[connection.SourceId];
                if (context.Registry.TryGet(source.Type, out var registration)
                    && registration.Behavior.PossibleOutcomes(source, registration.Descriptor) is { } outcomes
                    && !outcomes.Contains(connection.SourcePort, StringComparer.Ordinal))
                {
                    diagnostics.Error(
                        WorkflowDiagnostics.UnknownSourcePort,
                        $"Activity '{source.Id}' ({source.Type}) has no outcome '{connection.SourcePort}'; it can complete with: {string.Join(", ", outcomes)}.",
                        connection.SourcePortPointer);
                }

                valid.Add(connection);
            }

            var graph = new FlowGraph(valid, Flowchart.FindStartActivity(flowchart, valid));
            foreach (var (connection, isValid) in graph.BackEdges)
            {
                var reachable = connection.SourceId == graph.StartActivityId || !graph.IsDangling(connection.SourceId);
                if (reachable && !isValid)
                {
                    diagnostics.Error(
                        WorkflowDiagnostics.InvalidBackEdge,
                        $"The loop from '{connection.SourceId}' back to '{connection.TargetId}' is invalid: every path from '{connection.SourceId}' to the start must pass through '{connection.TargetId}'.",
                        connection.Pointer);
                }
            }

            foreach (var child in flowchart.Slot("activities"))
            {
                if (graph.IsDangling(child.Id))
                {
                    diagnostics.Warning(WorkflowDiagnostics.UnreachableActivity, $"Activity '{child.Id}' cannot be reached from the start of flowchart '{flowchart.Id}'; it never runs.", child.Pointer);
                }
            }

            return graph;
        }

        private static HashSet<string> ReadWorkflowOutputNames(JsonObject json)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (JsonLookup.Get(json, "outputs") is JsonArray outputs)
            {
                foreach (var output in outputs.OfType<JsonObject>())
                {
                    if (JsonLookup.GetString(output, "name") is { } name)
                    {
                        names.Add(name);
                    }
                }
            }

            return names;
        }
    }
}
