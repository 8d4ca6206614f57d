using System.Text.RegularExpressions;
using Dvc.Engine.Core.Workflows.Activities.Elsa;

namespace Dvc.Engine.Core.Workflows.Expressions;

/// <summary>
/// Checks, when a workflow compiles, what its scripts reach by name: a JavaScript <c>getX()</c>/<c>setX()</c> accessor
/// that no variable, input or activity output provides would throw "not defined" when it runs (an error now); an input
/// read with <c>getInput("X")</c> or Liquid <c>Input.X</c> that the workflow does not declare would read nothing (a
/// warning). The names in scope are the workflow's own: its variables, its declared inputs and the dossier's inputs, never
/// its caller's variables.
/// </summary>
internal static partial class ExpressionReferences
{
    /// <summary>The inputs every top workflow gets from the dossier.</summary>
    public static readonly IReadOnlyList<string> DossierInputs = ["data", "fee", "dossierCode", "serviceLevel", "procedureCode"];

    private static readonly HashSet<string> Functions = new(StringComparer.Ordinal)
    {
        "getVariable", "setVariable", "getInput", "getOutputFrom", "getLastResult", "getWorkflowInstanceId", "getWorkflowDefinitionId",
        "getCorrelationId", "setCorrelationId",
    };

    public static void Check(CompiledActivity activity, WorkflowScope definition, DiagnosticBag diagnostics)
    {
        // A called workflow used as an activity also reads the dossier's inputs (Elsa's getInput falls back to the instance's).
        var inputs = DossierInputs.Concat(definition.Inputs.Select(i => i.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, expression) in activity.Expressions)
        {
            var where = key == RunJavaScript.CodeKey ? "the script" : $"input '{expression.Source.Name}'";
            var inputNames = expression switch
            {
                JavaScriptExpression script => script.InputNames,
                LiquidExpression template => template.InputNames,
                _ => [],
            };
            foreach (var name in inputNames.Where(n => !inputs.Contains(n)).Distinct(StringComparer.Ordinal))
            {
                diagnostics.Warning(
                    WorkflowDiagnostics.UndeclaredInput,
                    $"The {(expression is LiquidExpression ? "Liquid" : "JavaScript")} of {where} in '{activity.LocalId}' reads input '{name}', which the workflow does not declare (inputs: {Describe(inputs)}); it reads nothing.",
                    expression.Source.ValuePointer);
            }

            if (expression is JavaScriptExpression { ReferencedGlobals: { } globals })
            {
                var known = Accessors(activity, definition, inputs, key == RunJavaScript.CodeKey);
                // An output of a refused activity is unknown; its read would only repeat that activity's own error.
                var unresolved = definition.UnresolvedActivityNames.SelectMany(Forms).ToHashSet(StringComparer.Ordinal);
                foreach (var name in globals.Where(g => Accessor().IsMatch(g) && !known.Contains(g) && !(OutputAccessor().Match(g) is { Success: true } m && unresolved.Contains(m.Groups[1].Value))))
                {
                    diagnostics.Error(
                        WorkflowDiagnostics.UndefinedAccessor,
                        $"The JavaScript of {where} in '{activity.LocalId}' calls {name}(), which no variable, declared input or activity output of this workflow provides (inputs: {Describe(inputs)}; variables: {Describe(definition.Variables.Select(v => v.Name))}).",
                        expression.Source.ValuePointer);
                }
            }
        }
    }

    /// <summary>Every accessor a script of <paramref name="activity"/> may call, as the engine defines them when it runs.</summary>
    private static HashSet<string> Accessors(CompiledActivity activity, WorkflowScope definition, IEnumerable<string> inputs, bool isScript)
    {
        var names = new HashSet<string>(Functions, StringComparer.Ordinal);
        void Both(string name)
        {
            foreach (var form in Forms(name))
            {
                names.Add("get" + form);
                names.Add("set" + form);
            }
        }

        foreach (var variable in definition.Variables)
        {
            Both(variable.Name);
        }

        foreach (var input in inputs)
        {
            names.Add("get" + input);
            foreach (var form in Forms(input))
            {
                names.Add("get" + form);
            }
        }

        foreach (var (activityName, outputName) in definition.KnownOutputs)
        {
            foreach (var output in Forms(outputName))
            {
                foreach (var source in Forms(activityName))
                {
                    names.Add($"get{output}From{source}");
                }
            }
        }

        for (var ancestor = activity.Parent; ancestor is not null && ancestor.Scope == activity.Scope; ancestor = ancestor.Parent)
        {
            if (ancestor.Type is "Elsa.For" or "Elsa.ForEach" or "Elsa.ParallelForEach")
            {
                Both("CurrentValue");
                Both("CurrentIndex");
            }
        }

        if (isScript)
        {
            names.Add("setOutcome");
            names.Add("setOutcomes");
        }

        return names;
    }

    /// <summary>The name with its first letter upper-cased, and Elsa's Pascalized form ("my_var" → "MyVar").</summary>
    private static IEnumerable<string> Forms(string name)
    {
        if (name.Length == 0)
        {
            yield break;
        }

        yield return char.ToUpperInvariant(name[0]) + name[1..];
        yield return SubWorkflows.WorkflowLibraryEntry.Pascalize(name);
    }

    private static string Describe(IEnumerable<string> names) => names.Any() ? string.Join(", ", names) : "none";

    [GeneratedRegex("^(get|set)[A-Z_0-9]")]
    private static partial Regex Accessor();

    [GeneratedRegex("^get[A-Za-z_0-9]+From([A-Za-z_0-9]+)$")]
    private static partial Regex OutputAccessor();
}
