using System.Text.Json.Nodes;
using Acornima.Ast;
using Dvc.Engine.Core.Workflows.Model;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace Dvc.Engine.Core.Workflows.Expressions;

/// <summary>
/// A JavaScript expression run by Jint in the <see cref="JavaScriptSandbox"/>: no CLR access (<c>importNamespace</c>,
/// <c>System</c> do not exist), statement, recursion, time and memory limits. Supports Elsa's accessors: <c>getX()</c>/<c>setX(v)</c>
/// per variable, <c>getVariable</c>, <c>setVariable</c>, <c>variables.X</c>, <c>getInput("name")</c>, <c>get&lt;Output&gt;From&lt;Activity&gt;()</c>,
/// <c>getOutputFrom</c>, <c>getLastResult</c>, plus <c>return</c> statements and template literals.
/// </summary>
internal sealed class JavaScriptExpression : CompiledExpression
{
    private readonly Prepared<Script> _script;

    private JavaScriptExpression(ExpressionInput source, Prepared<Script> script)
        : base(source)
    {
        _script = script;
    }

    /// <summary>Parses the script once; a syntax error comes back as the message.</summary>
    public static JavaScriptExpression? TryCompile(ExpressionInput source, out string? error)
    {
        var code = source.Value is JsonValue v && v.TryGetValue<string>(out var text) ? text : source.Value?.ToJsonString() ?? string.Empty;
        return JavaScriptSandbox.TryPrepare(code, out error) is { } script ? new JavaScriptExpression(source, script) : null;
    }

    /// <remarks>
    /// Everything that touches script values runs inside the sandbox's guard, write-back of <c>variables</c> included: a
    /// getter that throws or a <c>toJSON</c> that never returns faults this expression, never the host.
    /// </remarks>
    protected override JsonNode? EvaluateRaw(IExpressionScope scope)
    {
        var sandbox = new JavaScriptSandbox(scope.Sandbox);
        return sandbox.Run(() => Evaluate(sandbox, scope));
    }

    private JsonNode? Evaluate(JavaScriptSandbox sandbox, IExpressionScope scope)
    {
        var engine = sandbox.Engine;

        void Function(string name, Func<JsValue[], JsValue> body) =>
            engine.SetValue(name, new ClrFunction(engine, name, (_, args) => body(args)));

        string Arg(JsValue[] args, int index) => args.Length > index && !args[index].IsNull() && !args[index].IsUndefined() ? TypeConverter.ToString(args[index]) : string.Empty;

        var variablesObject = new JsonObject();
        foreach (var (name, value) in scope.Variables)
        {
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            variablesObject[name] = value?.DeepClone();
            var pascal = char.ToUpperInvariant(name[0]) + name[1..];
            var variableName = name;
            Function("get" + pascal, _ => scope.TryGetVariable(variableName, out var current) ? sandbox.ToJs(current) : JsValue.Undefined);
            Function("set" + pascal, args =>
            {
                scope.TrySetVariable(variableName, sandbox.ToJson(args.Length > 0 ? args[0] : JsValue.Undefined));
                return JsValue.Undefined;
            });
        }

        foreach (var (name, value) in scope.WorkflowInput.Where(x => x.Key.Length > 0))
        {
            var captured = value;
            Function("get" + char.ToUpperInvariant(name[0]) + name[1..], _ => sandbox.ToJs(captured));
        }

        foreach (var (activityName, outputName) in scope.KnownOutputs)
        {
            var accessor = $"get{char.ToUpperInvariant(outputName[0])}{outputName[1..]}From{char.ToUpperInvariant(activityName[0])}{activityName[1..]}";
            Function(accessor, _ => sandbox.ToJs(scope.GetActivityOutput(activityName, outputName)));
        }

        var variablesSnapshot = variablesObject.ToJsonString();
        engine.SetValue("variables", sandbox.ToJs(variablesObject));
        Function("getVariable", args => scope.TryGetVariable(Arg(args, 0), out var value) ? sandbox.ToJs(value) : JsValue.Undefined);
        Function("setVariable", args =>
        {
            scope.TrySetVariable(Arg(args, 0), sandbox.ToJson(args.Length > 1 ? args[1] : JsValue.Undefined));
            return JsValue.Undefined;
        });
        Function("getInput", args => sandbox.ToJs(JsonLookup.Get(scope.WorkflowInput, Arg(args, 0))));
        Function("getOutputFrom", args => sandbox.ToJs(scope.GetActivityOutput(Arg(args, 0), args.Length > 1 ? Arg(args, 1) : null)));
        Function("getLastResult", _ => sandbox.ToJs(scope.LastResult));
        Function("getWorkflowInstanceId", _ => scope.InstanceId);
        Function("getWorkflowDefinitionId", _ => scope.DefinitionId is null ? JsValue.Null : scope.DefinitionId);
        Function("getCorrelationId", _ => scope.CorrelationId is null ? JsValue.Null : scope.CorrelationId);
        Function("setCorrelationId", args =>
        {
            scope.CorrelationId = Arg(args, 0);
            return JsValue.Undefined;
        });
        Function("isNullOrWhiteSpace", args => string.IsNullOrWhiteSpace(Arg(args, 0)));
        Function("isNullOrEmpty", args => string.IsNullOrEmpty(Arg(args, 0)));
        Function("toJson", args => args.Length > 0 && sandbox.ToJson(args[0]) is { } json ? json.ToJsonString() : JsValue.Undefined);

        var result = sandbox.ToJson(engine.Evaluate(_script));

        // Scripts may assign variables.X = …; write back what changed.
        if (sandbox.ToJson(engine.GetValue("variables")) is JsonObject after && after.ToJsonString() != variablesSnapshot)
        {
            foreach (var (name, value) in after)
            {
                if (!JsonNode.DeepEquals(value, variablesObject[name]))
                {
                    scope.TrySetVariable(name, value?.DeepClone());
                }
            }
        }

        return result;
    }
}
