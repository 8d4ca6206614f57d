using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Workflows.Activities.Elsa;
using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Core.Workflows.Model;
using Dvc.Engine.Core.Workflows.Runtime;
using Dvc.Engine.Core.Workflows.Serialization;
using Dvc.Engine.Core.Workflows.SubWorkflows;

namespace Dvc.Engine.Core.Workflows;

/// <summary>
/// Reads an Elsa 3 workflow JSON, checks it and prepares it to run once per version: activity types resolved,
/// expressions parsed (JavaScript prepared, Liquid parsed), flowchart graphs analysed, and every workflow it calls
/// (a workflow used as an activity, <c>Elsa.ExecuteWorkflow</c>) compiled from the library and linked in. Every problem
/// is a <see cref="Diagnostic"/> with file, JSON pointer, line and column; nothing throws on bad input.
/// </summary>
public static class WorkflowCompiler
{
    /// <summary>Compiles one workflow file.</summary>
    /// <param name="json">The file's bytes (UTF-8, a BOM is accepted).</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <param name="context">Declared roles, the activity registry and the library of callable workflows.</param>
    public static WorkflowCompileResult Compile(ReadOnlyMemory<byte> json, string file, WorkflowCompileContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var linker = new WorkflowLinker(context);

        // Compiled as a procedure's workflow (it has templates), each end of its flowchart is a dossier's end, which
        // should carry a result; a called workflow's ends are not.
        var unit = linker.CompileDocument(json, file, entry: null, context.Templates is null ? null : ResultPathCheck.Check);
        var diagnostics = linker.Diagnostics;
        var workflow = unit.Document is null || unit.Root is null || diagnostics.Any(d => d.IsError)
            ? null
            : new CompiledWorkflow(unit.Document, file, unit.Root, linker.Pins, unit.Mode);
        return new WorkflowCompileResult(workflow, unit.Document, diagnostics);
    }

    /// <summary>One compiled definition: the document, its compiled tree (ids not yet placed under a call) and its flowchart mode.</summary>
    internal sealed record CompiledUnit(WorkflowDocument? Document, CompiledActivity? Root, FlowchartMode Mode);

    /// <summary>
    /// Compiles a workflow and, once each, every definition it calls; refuses cycles; collects the diagnostics of every
    /// file involved and the versions pinned.
    /// </summary>
    internal sealed class WorkflowLinker(WorkflowCompileContext context)
    {
        private readonly Dictionary<string, CompiledUnit> _units = new(StringComparer.Ordinal);
        private readonly List<string> _stack = [];

        public List<Diagnostic> Diagnostics { get; } = [];

        public List<SubWorkflowPin> Pins { get; } = [];

        /// <param name="check">A check of the whole compiled tree, run when neither it nor what it calls has an error.</param>
        public CompiledUnit CompileDocument(ReadOnlyMemory<byte> json, string file, WorkflowLibraryEntry? entry, Action<CompiledActivity, DiagnosticBag>? check = null)
        {
            var diagnostics = new DiagnosticBag(file, JsonLineMap.Build(json.Span));
            var root = WorkflowReader.Parse(json, diagnostics);
            var document = root is null ? null : WorkflowReader.Read(root, diagnostics);
            if (document is null)
            {
                Diagnostics.AddRange(diagnostics.Items);
                return new CompiledUnit(null, null, FlowchartMode.CounterBased);
            }

            _stack.Add(entry?.DefinitionId ?? document.DefinitionId ?? file);
            var compilation = new Compilation(document, file, entry, context, diagnostics, this);
            var compiled = compilation.Compile();
            _stack.RemoveAt(_stack.Count - 1);
            if (check is not null && !diagnostics.HasErrors && !Diagnostics.Exists(d => d.IsError))
            {
                check(compiled, diagnostics);
            }

            Diagnostics.AddRange(diagnostics.Items);
            return new CompiledUnit(document, compiled, compilation.Mode);
        }

        /// <summary>The compiled definition of a call, compiled on first use; null (with a diagnostic at the call) for a cycle.</summary>
        public CompiledUnit? Callee(WorkflowLibraryEntry entry, DiagnosticBag caller, string pointer)
        {
            if (_stack.Contains(entry.DefinitionId, StringComparer.Ordinal))
            {
                var cycle = string.Join(" → ", _stack.SkipWhile(x => x != entry.DefinitionId).Append(entry.DefinitionId));
                caller.Error(WorkflowDiagnostics.SubWorkflowCycle, $"Workflow '{entry.DefinitionId}' calls itself ({cycle}); a sub-workflow cycle never ends.", pointer);
                return null;
            }

            if (!_units.TryGetValue(entry.VersionId, out var unit))
            {
                unit = CompileDocument(entry.Json, entry.File, entry);
                _units[entry.VersionId] = unit;
                if (!Pins.Exists(p => p.VersionId == entry.VersionId))
                {
                    Pins.Add(entry.Pin);
                }
            }

            return unit.Root is null ? null : unit;
        }
    }

    private sealed class Compilation(WorkflowDocument document, string file, WorkflowLibraryEntry? entry, WorkflowCompileContext context, DiagnosticBag diagnostics, WorkflowLinker linker)
    {
        private const string HumanTaskType = "Dvc.HumanTask";
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private readonly WorkflowScope _definition = new(document, file, document.AllActivities(), entry);
        private ActivityScope _scope = null!;

        public FlowchartMode Mode { get; private set; }

        public CompiledActivity Compile()
        {
            _scope = new ActivityScope(_definition, string.Empty, null);
            Mode = FlowModes.Decide(document, diagnostics);
            var root = CompileActivity(document.Root, null);
            var own = root.SelfAndDescendants().Where(a => a.Scope == _scope).ToList();
            _definition.KnownOutputs = own
                .Where(a => a.Node.Name is { Length: > 0 } name && name.All(c => char.IsLetterOrDigit(c) || c == '_') && char.IsLetter(name[0]) && a.Registration is not null)
                .SelectMany(a => a.Registration!.Descriptor.Outputs.Select(o => (a.Node.Name!, o.Name)))
                .ToList();
            _definition.UnresolvedActivityNames = [.. own.Where(a => a.Registration is null).SelectMany(a => new[] { a.Node.Name, a.Node.Id }).OfType<string>()];
            CheckVariableReferences(own);
            foreach (var activity in own)
            {
                ExpressionReferences.Check(activity, _definition, diagnostics);
            }

            return root;
        }

        private CompiledActivity CompileActivity(ActivityNode node, CompiledActivity? parent)
        {
            var registration = Resolve(node, out var callee);
            var compiled = new CompiledActivity(node, registration, parent, _scope);
            if (!_ids.Add(node.Id))
            {
                diagnostics.Error(WorkflowDiagnostics.DuplicateActivityId, $"Activity id '{node.Id}' is used more than once.", node.Pointer + "/id");
            }

            foreach (var input in node.Inputs.Values)
            {
                CompileExpression(compiled, input.Name, input);
            }

            if (node.Type == "Elsa.RunJavaScript" && node.Inputs.TryGetValue("script", out var script) && script.ExpressionType == "Literal")
            {
                // The literal is the code: parse it now, so a syntax error is a diagnostic and every run reuses the parse.
                CompileExpression(compiled, RunJavaScript.CodeKey, script with { ExpressionType = "JavaScript" });
            }

            if (node.Type is "Elsa.FlowSwitch" or "Elsa.Switch" && node.Property("cases") is JsonArray cases)
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
            CheckActivitySpecifics(node, parent);

            foreach (var (slot, children) in node.Slots)
            {
                compiled.Slots[slot] = [.. children.Select(child => CompileActivity(child, compiled))];
            }

            if (node.Type == "Elsa.Flowchart")
            {
                compiled.Graph = BuildGraph(node, compiled);
                compiled.MergeModes = Mode == FlowchartMode.TokenBased ? FlowModes.MergeModes(node) : null;
            }

            if (callee is { } call)
            {
                compiled.CalleeEntry = call.Entry;
                compiled.Callee = call.Unit.Root!.Instantiate(node.Id, compiled);
            }

            return compiled;
        }

        /// <summary>The registration of a built-in or plugin type, else the workflow definition the activity calls.</summary>
        private ActivityRegistration? Resolve(ActivityNode node, out (WorkflowLibraryEntry Entry, CompiledUnit Unit)? callee)
        {
            callee = null;
            if (context.Registry.TryGet(node.Type, out var registration))
            {
                if (node.Type == "Elsa.ExecuteWorkflow")
                {
                    callee = ResolveExecuteWorkflow(node);
                }

                return registration;
            }

            var definitionId = JsonLookup.GetString(node.Json, "workflowDefinitionId");
            var versionId = JsonLookup.GetString(node.Json, "workflowDefinitionVersionId");
            int? version = JsonLookup.Get(node.Json, "version") is JsonValue v && v.TryGetValue<int>(out var number) ? number : null;
            var found = context.Library?.FindActivity(node.Type, version, definitionId, versionId);
            if (found is null)
            {
                if (definitionId is not null)
                {
                    diagnostics.Error(
                        WorkflowDiagnostics.MissingSubWorkflow,
                        $"Activity '{node.Id}' uses workflow '{node.Type}' (definition '{definitionId}'), which is neither in {WorkflowLibrary.SharedFolder}/ nor in the procedure's {WorkflowLibrary.ProcedureFolder}/ folder as a definition usable as an activity.",
                        node.Pointer + "/" + JsonLookup.Find(node.Json, "workflowDefinitionId"));
                }
                else
                {
                    diagnostics.Error(
                        WorkflowDiagnostics.UnknownActivityType,
                        $"Activity type '{node.Type}' of '{node.Id}' is not supported{UnsupportedReason(node.Type)}; its JSON and connections are kept.",
                        node.Pointer + "/" + (JsonLookup.Find(node.Json, "type") ?? "type"));
                }

                return null;
            }

            if (linker.Callee(found, diagnostics, node.Pointer) is not { Document: { } childDocument } unit)
            {
                return null;
            }

            callee = (found, unit);
            return new ActivityRegistration(WorkflowLibrary.Describe(found, childDocument), WorkflowDefinitionActivity.Instance);
        }

        private (WorkflowLibraryEntry, CompiledUnit)? ResolveExecuteWorkflow(ActivityNode node)
        {
            var pointer = node.Pointer + "/" + (JsonLookup.Find(node.Json, "workflowDefinitionId") ?? "workflowDefinitionId");
            string? definitionId = null;
            if (node.Inputs.TryGetValue("workflowDefinitionId", out var input))
            {
                if (input.ExpressionType != "Literal")
                {
                    diagnostics.Error(
                        WorkflowDiagnostics.DynamicSubWorkflow,
                        $"ExecuteWorkflow '{node.Id}' chooses its workflow with a {input.ExpressionType} expression; name the definition id as a literal so the child is compiled and pinned with the workflow.",
                        input.TypePointer);
                    return null;
                }

                definitionId = input.Value is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
            }
            else if (node.Property("workflowDefinitionId") is JsonValue plain && plain.TryGetValue<string>(out var text))
            {
                definitionId = text;
            }

            var found = string.IsNullOrEmpty(definitionId) ? null : context.Library?.FindLatest(definitionId);
            if (found is null)
            {
                diagnostics.Error(
                    WorkflowDiagnostics.MissingSubWorkflow,
                    $"ExecuteWorkflow '{node.Id}' runs workflow definition '{definitionId}', which is neither in {WorkflowLibrary.SharedFolder}/ nor in the procedure's {WorkflowLibrary.ProcedureFolder}/ folder.",
                    pointer);
                return null;
            }

            return linker.Callee(found, diagnostics, pointer) is { } unit ? (found, unit) : null;
        }

        private void CheckVariableReferences(IEnumerable<CompiledActivity> activities)
        {
            var known = _definition.Variables.SelectMany(v => new[] { v.Id, v.Name }).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var outputs = _definition.Outputs.Select(o => o.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var activity in activities)
            {
                if (activity.Type == "Elsa.SetVariable" && SetVariable.Reference(activity.Node) is var reference
                    && (reference is null || !known.Contains(reference)))
                {
                    diagnostics.Error(
                        WorkflowDiagnostics.UnknownVariable,
                        $"SetVariable '{activity.LocalId}' names variable '{reference}', which is not declared.",
                        activity.Node.Pointer + "/" + (JsonLookup.Find(activity.Node.Json, "variable") ?? "variable"));
                }

                foreach (var expression in activity.Expressions.Values.OfType<VariableExpression>())
                {
                    if (!known.Contains(expression.Reference ?? string.Empty) && !known.Contains(expression.ReferenceName ?? string.Empty))
                    {
                        diagnostics.Error(
                            WorkflowDiagnostics.UnknownVariable,
                            $"Input '{expression.Source.Name}' of '{activity.LocalId}' reads variable '{expression.Reference}', which is not declared.",
                            expression.Source.ValuePointer);
                    }
                }

                foreach (var (output, target) in activity.Node.OutputBindings)
                {
                    if (!known.Contains(target) && !outputs.Contains(target))
                    {
                        diagnostics.Warning(
                            WorkflowDiagnostics.UnknownVariable,
                            $"Output '{output}' of '{activity.LocalId}' is bound to '{target}', which is neither a variable nor a workflow output; it is kept as a workflow output.",
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
                        diagnostics.Error(WorkflowDiagnostics.JavaScriptSyntax, $"The JavaScript of input '{input.Name}' in '{activity.LocalId}' does not parse: {jsError}", input.ValuePointer);
                    }

                    break;
                case "Liquid":
                    if (LiquidExpression.TryCompile(input, out var liquidError) is { } template)
                    {
                        activity.Expressions[key] = template;
                    }
                    else
                    {
                        diagnostics.Error(WorkflowDiagnostics.LiquidSyntax, $"The Liquid of input '{input.Name}' in '{activity.LocalId}' does not parse: {liquidError}", input.ValuePointer);
                    }

                    break;
                default:
                    diagnostics.Error(
                        WorkflowDiagnostics.UnsupportedExpression,
                        $"Expression type '{input.ExpressionType}' of input '{input.Name}' in '{activity.LocalId}' is not supported; use Literal, Object, Variable, Input, JavaScript or Liquid.",
                        input.TypePointer);
                    break;
            }
        }

        /// <summary>Why an Elsa activity people often draw is refused, and what to draw instead.</summary>
        private static string UnsupportedReason(string type) => type switch
        {
            "Elsa.HttpEndpoint" or "Elsa.WriteHttpResponse" or "Elsa.SendHttpRequest" or "Elsa.FlowSendHttpRequest" or "Elsa.HttpRequest" =>
                " (a dossier's workflow starts when the portal receives the dossier, not from an HTTP request; call other systems through a plugin activity)",
            "Elsa.RunCSharp" or "Elsa.RunPython" => " (scripts run as JavaScript in the sandbox: use Elsa.RunJavaScript)",
            "Elsa.DispatchWorkflow" => " (a dossier runs one instance: use Elsa.ExecuteWorkflow or a workflow used as an activity)",
            _ => string.Empty,
        };

        /// <summary>What one activity type promises about its own JSON: a cron that parses, a Break inside a loop, a declared output.</summary>
        private void CheckActivitySpecifics(ActivityNode node, CompiledActivity? parent)
        {
            switch (node.Type)
            {
                case "Elsa.Cron" when node.Inputs.TryGetValue("cronExpression", out var cron) && cron.ExpressionType == "Literal":
                    if (Cron.TryParse(ValueConversion.ToText(cron.Value), out var error) is null)
                    {
                        diagnostics.Error(WorkflowDiagnostics.InvalidCron, $"The cron expression of '{node.Id}' does not parse: {error}", cron.ValuePointer);
                    }

                    break;
                case "Elsa.Break" when entry is null && !Ancestors(parent).Any(a => Break.Loops.Contains(a.Type)):
                    diagnostics.Warning(WorkflowDiagnostics.BreakOutsideLoop, $"Break '{node.Id}' is not inside a While, For or ForEach; it only ends its flowchart or sequence.", node.Pointer);
                    break;
                case "Elsa.SetOutput" when node.Inputs.TryGetValue("outputName", out var name) && name.ExpressionType == "Literal"
                    && ValueConversion.ToText(name.Value) is { Length: > 0 } outputName
                    && !_definition.Outputs.Any(o => string.Equals(o.Name, outputName, StringComparison.OrdinalIgnoreCase)):
                    diagnostics.Warning(
                        WorkflowDiagnostics.UndeclaredOutput,
                        $"SetOutput '{node.Id}' sets output '{outputName}', which the workflow does not declare in 'outputs' (declared: {string.Join(", ", _definition.Outputs.Select(o => o.Name))}).",
                        name.ValuePointer);
                    break;
            }
        }

        private static IEnumerable<CompiledActivity> Ancestors(CompiledActivity? activity)
        {
            for (var current = activity; current is not null; current = current.Parent)
            {
                yield return current;
            }
        }

        private void CheckHumanTask(ActivityNode node)
        {
            var outcomesKey = JsonLookup.Find(node.Json, "outcomes");
            if (outcomesKey is null || node.Json[outcomesKey] is not JsonArray { Count: > 0 })
            {
                diagnostics.Error(WorkflowDiagnostics.MissingOutcomes, $"Human task '{node.Id}' declares no 'outcomes'.", node.Pointer + (outcomesKey is null ? string.Empty : "/" + outcomesKey));
            }

            // Labels given by an expression (a shared workflow passing its caller's) are only known when the task opens.
            var labels = node.Inputs.TryGetValue("outcomeLabels", out var wrapped)
                ? (wrapped.ExpressionType == "Literal" ? wrapped.Value as JsonObject : null)
                : node.Property("outcomeLabels") as JsonObject;
            var outcomes = (node.Property("outcomes") as JsonArray ?? []).Select(o => o is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList();
            foreach (var outcome in outcomes.Where(o => Workflows.Activities.OutcomeLabels.Find(o, labels) is null && wrapped is not { ExpressionType: not "Literal" }))
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

        private FlowGraph BuildGraph(ActivityNode flowchart, CompiledActivity compiled)
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
                if (compiled.Child(source.Id).Registration is { } registration
                    && registration.Behavior.PossibleOutcomes(source, registration.Descriptor) is { } outcomes && !outcomes.Contains(connection.SourcePort, StringComparer.Ordinal))
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
                if (reachable && !isValid && Mode == FlowchartMode.CounterBased)
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
    }
}
