using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Forms;
using RulesEngine.Models;

namespace Dvc.Engine.Core.Rules;

/// <summary>
/// Compiles rules.json: reads the RulesEngine workflows with their JSON pointers, parses every expression against the form's
/// type (unknown fields are compile errors), sandboxes it, checks each workflow's conventions (eligibility reasons, fee amounts
/// that are numbers, checklist attachments that exist) and builds the RulesEngine workflows to register.
/// </summary>
internal sealed class RulesCompiler
{
    public const string Eligibility = "eligibility";
    public const string Fees = "fees";
    public const string Checklist = "checklist";

    private static readonly HashSet<Type> NumberTypes = [typeof(int), typeof(long), typeof(decimal), typeof(double), typeof(float), typeof(short), typeof(byte), typeof(uint), typeof(ulong)];

    private readonly ResolvedJson _source;
    private readonly ProcedureManifest _manifest;
    private readonly RuleExpressionParser _parser;
    private readonly ICollection<Diagnostic> _diagnostics;
    private readonly string _prefix;
    private readonly HashSet<ParameterExpression> _metered = [];
    private int _errors;

    private RulesCompiler(ResolvedJson source, RuleInputType inputType, ProcedureManifest manifest, string prefix, RulesOptions options, ICollection<Diagnostic> diagnostics)
    {
        _source = source;
        _manifest = manifest;
        _parser = new RuleExpressionParser(inputType, options.MaxExpressionLength);
        _prefix = prefix;
        _diagnostics = diagnostics;
    }

    public static CompiledRuleSet? Compile(ResolvedJson source, RuleInputType inputType, ProcedureManifest manifest, string prefix, RulesOptions options, ICollection<Diagnostic> diagnostics)
    {
        var compiler = new RulesCompiler(source, inputType, manifest, prefix, options, diagnostics);
        return compiler.Compile();
    }

    private CompiledRuleSet? Compile()
    {
        if (_source.Root is not JsonArray workflows)
        {
            Error(string.Empty, RuleDiagnostics.Malformed, "rules.json must be an array of RulesEngine workflows: [ { \"WorkflowName\": \"eligibility\", \"Rules\": [ … ] } ].");
            return null;
        }

        foreach (var (pointer, key) in RuleJson.CaseDuplicates(workflows))
        {
            Error(pointer, RuleDiagnostics.Malformed, $"The key '{key}' appears twice in different letter case; RulesEngine reads keys without regard to case, so keep one.");
        }

        var compiled = new Dictionary<string, CompiledRuleWorkflow>(StringComparer.Ordinal);
        var engineWorkflows = new List<Workflow>();
        for (var i = 0; i < workflows.Count; i++)
        {
            var pointer = "/" + i.ToString(CultureInfo.InvariantCulture);
            if (workflows[i] is not JsonObject workflow || !JsonValues.TryGetString(RuleJson.Get(workflow, "WorkflowName"), out var name) || name.Length == 0)
            {
                Error(pointer, RuleDiagnostics.Malformed, "Each workflow needs a \"WorkflowName\" and \"Rules\".");
                continue;
            }

            if (compiled.ContainsKey(name))
            {
                Error(pointer + "/" + KeyOf(workflow, "WorkflowName"), RuleDiagnostics.DuplicateName, $"The workflow name '{name}' is used twice.");
                continue;
            }

            var result = CompileWorkflow(workflow, name, pointer);
            if (result is not null)
            {
                compiled[name] = result.Value.Compiled;
                if (result.Value.Compiled.Rules.Count > 0)
                {
                    // RulesEngine refuses empty workflows; an empty one (a free procedure's "fees") simply never runs.
                    engineWorkflows.Add(result.Value.Engine);
                }
            }
        }

        return _errors > 0 ? null : new CompiledRuleSet(_prefix, compiled, engineWorkflows);
    }

    private (CompiledRuleWorkflow Compiled, Workflow Engine)? CompileWorkflow(JsonObject workflow, string name, string pointer)
    {
        RefuseUnsupported(workflow, pointer);
        var scoped = new List<ParameterExpression>();
        var (globals, engineGlobals) = CompileScopedParams(RuleJson.Get(workflow, "GlobalParams"), pointer + "/" + KeyOf(workflow, "GlobalParams"), scoped);
        if (RuleJson.Get(workflow, "Rules") is not JsonArray rules)
        {
            Error(pointer, RuleDiagnostics.Malformed, $"The workflow '{name}' has no \"Rules\" array.");
            return null;
        }

        var compiledRules = new List<CompiledRule>();
        var engineRules = new List<Rule>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var rulePointer = pointer + "/" + KeyOf(workflow, "Rules") + "/" + i.ToString(CultureInfo.InvariantCulture);
            if (rules[i] is not JsonObject rule || !JsonValues.TryGetString(RuleJson.Get(rule, "RuleName"), out var ruleName) || ruleName.Length == 0)
            {
                Error(rulePointer, RuleDiagnostics.Malformed, "Each rule needs a \"RuleName\".");
                continue;
            }

            if (!names.Add(ruleName))
            {
                Error(rulePointer + "/RuleName", RuleDiagnostics.DuplicateName, $"The rule name '{ruleName}' is used twice in '{name}'.");
                continue;
            }

            var result = CompileRule(rule, ruleName, name, rulePointer, scoped, topLevel: true);
            if (result is not null)
            {
                compiledRules.Add(result.Value.Compiled);
                engineRules.Add(result.Value.Engine);
            }
        }

        var engineName = _prefix + name;
        var engineWorkflow = new Workflow
        {
            WorkflowName = engineName,
            GlobalParams = engineGlobals,
            Rules = engineRules,
        };
        return (new CompiledRuleWorkflow(name, engineName, compiledRules, globals), engineWorkflow);
    }

    private (CompiledRule Compiled, Rule Engine)? CompileRule(JsonObject rule, string ruleName, string workflow, string pointer, List<ParameterExpression> outerScoped, bool topLevel)
    {
        RefuseUnsupported(rule, pointer);
        var scoped = new List<ParameterExpression>(outerScoped);
        var (locals, engineLocals) = CompileScopedParams(RuleJson.Get(rule, "LocalParams"), pointer + "/" + KeyOf(rule, "LocalParams"), scoped);
        var properties = RuleJson.Get(rule, "Properties") as JsonObject;
        var expressionNode = RuleJson.Get(rule, "Expression");
        var expression = JsonValues.TryGetString(expressionNode, out var text) ? text : null;
        if (expression is null && expressionNode is not null)
        {
            Error(pointer + "/" + KeyOf(rule, "Expression"), RuleDiagnostics.Malformed, $"The rule '{ruleName}' has an \"Expression\" that is not text.");
            return null;
        }

        var children = new List<Rule>();
        IReadOnlyCollection<string> reads = [];
        if (RuleJson.Get(rule, "Rules") is JsonArray nested && nested.Count > 0)
        {
            for (var i = 0; i < nested.Count; i++)
            {
                var childPointer = pointer + "/" + KeyOf(rule, "Rules") + "/" + i.ToString(CultureInfo.InvariantCulture);
                if (nested[i] is JsonObject child && JsonValues.TryGetString(RuleJson.Get(child, "RuleName"), out var childName))
                {
                    var compiledChild = CompileRule(child, childName, workflow, childPointer, scoped, topLevel: false);
                    if (compiledChild is not null)
                    {
                        children.Add(compiledChild.Value.Engine);
                        reads = [.. reads, .. compiledChild.Value.Compiled.Reads];
                    }
                }
                else
                {
                    Error(childPointer, RuleDiagnostics.Malformed, "Each nested rule needs a \"RuleName\".");
                }
            }
        }
        else if (expression is null)
        {
            Error(pointer, RuleDiagnostics.Malformed, $"The rule '{ruleName}' needs an \"Expression\".");
            return null;
        }
        else
        {
            var parsed = ParseChecked(expression, scoped, typeof(bool), pointer + "/" + KeyOf(rule, "Expression"), $"The rule '{ruleName}'");
            if (parsed is null)
            {
                return null;
            }

            reads = parsed.Reads;
        }

        CheckActions(RuleJson.Get(rule, "Actions"), pointer + "/" + KeyOf(rule, "Actions"), scoped);

        LocalizedText? reason = null, label = null, note = null;
        FeeAmount? amount = null;
        string? attachment = null;
        if (topLevel)
        {
            switch (workflow)
            {
                case Eligibility:
                    reason = LocalizedText.From(properties?["reason"]);
                    if (reason is null || reason.Vi.Length == 0)
                    {
                        Error(pointer + (properties is null ? string.Empty : "/" + KeyOf(rule, "Properties")), RuleDiagnostics.MissingReason, $"The eligibility rule '{ruleName}' needs \"Properties\": {{ \"reason\": {{ \"vi\": \"…\", \"en\": \"…\" }} }} — the citizen is shown it when the rule fails.");
                    }

                    break;
                case Fees:
                    label = LocalizedText.From(properties?["label"]);
                    if (label is null)
                    {
                        Warning(pointer + (properties is null ? string.Empty : "/" + KeyOf(rule, "Properties")), RuleDiagnostics.MissingLabel, $"The fee rule '{ruleName}' has no \"label\"; the receipt will show the rule name instead.");
                    }

                    amount = CompileAmount(properties?["amount"], pointer + "/" + KeyOf(rule, "Properties") + "/amount", ruleName, scoped);
                    break;
                case Checklist:
                    attachment = JsonValues.TryGetString(properties?["attachment"], out var id) ? id : null;
                    note = LocalizedText.From(properties?["note"]);
                    if (attachment is null || _manifest.FindAttachment(attachment) is null)
                    {
                        var known = string.Join(", ", _manifest.Attachments.Select(a => a.Id));
                        Error(
                            pointer + (properties is null ? string.Empty : "/" + KeyOf(rule, "Properties") + (attachment is null ? string.Empty : "/attachment")),
                            RuleDiagnostics.UnknownAttachment,
                            attachment is null
                                ? $"The checklist rule '{ruleName}' needs \"Properties\": {{ \"attachment\": \"<id>\" }}."
                                : $"The checklist rule '{ruleName}' names the attachment '{attachment}', which procedure.json does not list (known: {known}).");
                    }

                    break;
            }
        }

        var engineRule = new Rule
        {
            RuleName = ruleName,
            Expression = children.Count > 0 ? null : expression,
            RuleExpressionType = RuleExpressionType.LambdaExpression,
            Operator = children.Count > 0 ? (JsonValues.TryGetString(RuleJson.Get(rule, "Operator"), out var op) ? op : "And") : null,
            Rules = children.Count > 0 ? children : null,
            LocalParams = engineLocals,
            Enabled = !JsonValues.TryGetBoolean(RuleJson.Get(rule, "Enabled"), out var enabled) || enabled,
            ErrorMessage = JsonValues.TryGetString(RuleJson.Get(rule, "ErrorMessage"), out var message) ? message : null,
            SuccessEvent = JsonValues.TryGetString(RuleJson.Get(rule, "SuccessEvent"), out var success) ? success : null,

            // Actions are checked above but never given to the engine: nothing reads their output (and they do not run).
        };
        var title = topLevel ? LocalizedText.From(properties?["title"]) : null;
        var compiled = new CompiledRule(ruleName, expression ?? string.Empty, reads, reason, label, amount, attachment, note, locals, title);
        return (compiled, engineRule);
    }

    private FeeAmount? CompileAmount(JsonNode? node, string pointer, string ruleName, List<ParameterExpression> scoped)
    {
        switch (node)
        {
            case JsonObject row:
                return CompileRates([row], pointer, ruleName, scoped, single: true);
            case JsonArray rows:
                return CompileRates([.. rows], pointer, ruleName, scoped, single: false);
        }

        if (JsonValues.TryGetDecimal(node, out var constant))
        {
            return new FeeAmount(constant, null, null, []);
        }

        if (!JsonValues.TryGetString(node, out var expression))
        {
            Error(node is null ? JsonPointer.Parent(pointer) : pointer, RuleDiagnostics.FeeNotNumber, $"The fee rule '{ruleName}' needs \"amount\": a number of VND or an expression that computes one.");
            return null;
        }

        var parsed = ParseChecked(expression, scoped, null, pointer, $"The amount of fee rule '{ruleName}'");
        if (parsed?.Lambda is null)
        {
            return null;
        }

        var type = parsed.Lambda.Body.Type;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (!NumberTypes.Contains(underlying))
        {
            Error(pointer, RuleDiagnostics.FeeNotNumber, $"The amount of fee rule '{ruleName}' yields {Describe(type)}, not a number of VND.");
            return null;
        }

        if (underlying != type)
        {
            Warning(pointer, RuleDiagnostics.FeeMayBeNull, $"The amount of fee rule '{ruleName}' is empty when a field it reads is blank, and then counts as 0; write e.g. '(input.copies ?? 1) * 5000' to choose a default.");
        }

        return new FeeAmount(null, CompileArray(parsed.Lambda), expression, parsed.Reads);
    }

    /// <summary>
    /// An effective-dated tariff: <c>{ "amount", "validFrom"?, "validTo"? }</c> or an array of them (extra keys such as a
    /// shared fee schedule's label and legal basis are ignored). Periods are inclusive, null means open, and must not overlap.
    /// </summary>
    private FeeAmount? CompileRates(IReadOnlyList<JsonNode?> rows, string pointer, string ruleName, List<ParameterExpression> scoped, bool single)
    {
        var rates = new List<(FeeRate Rate, string Pointer)>();
        var ok = true;
        for (var i = 0; i < rows.Count; i++)
        {
            var rowPointer = single ? pointer : pointer + "/" + i.ToString(CultureInfo.InvariantCulture);
            if (rows[i] is not JsonObject row || !row.ContainsKey("amount") || row["amount"] is JsonObject or JsonArray)
            {
                Error(rowPointer, RuleDiagnostics.FeeNotNumber, $"Each rate of fee rule '{ruleName}' needs \"amount\" (a number or an expression) and may have \"validFrom\"/\"validTo\" dates.");
                ok = false;
                continue;
            }

            var from = ReadRateDate(row, "validFrom", rowPointer, ruleName, ref ok);
            var to = ReadRateDate(row, "validTo", rowPointer, ruleName, ref ok);
            if (from is not null && to is not null && to < from)
            {
                Error(rowPointer + "/validTo", RuleDiagnostics.FeeRatesInvalid, $"A rate of fee rule '{ruleName}' ends ({to:dd/MM/yyyy}) before it starts ({from:dd/MM/yyyy}).");
                ok = false;
            }

            var amount = CompileAmount(row["amount"], rowPointer + "/amount", ruleName, scoped);
            if (amount is null)
            {
                ok = false;
                continue;
            }

            rates.Add((new FeeRate(from, to, amount), rowPointer));
        }

        for (var i = 0; i < rates.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var (a, b) = (rates[i].Rate, rates[j].Rate);
                var overlap = (a.From is null || b.To is null || a.From <= b.To) && (b.From is null || a.To is null || b.From <= a.To);
                if (overlap)
                {
                    Error(rates[i].Pointer, RuleDiagnostics.FeeRatesInvalid, $"Two rates of fee rule '{ruleName}' are valid on the same day; give each a validFrom/validTo period that does not overlap the others.");
                    ok = false;
                }
            }
        }

        return ok && rates.Count > 0
            ? new FeeAmount(null, null, null, [.. rates.SelectMany(r => r.Rate.Amount.Reads).Distinct(StringComparer.Ordinal)], [.. rates.Select(r => r.Rate)])
            : null;
    }

    private DateOnly? ReadRateDate(JsonObject row, string key, string rowPointer, string ruleName, ref bool ok)
    {
        var node = row[key];
        if (node is null)
        {
            return null;
        }

        if (JsonValues.TryGetString(node, out var text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(rowPointer + "/" + key, RuleDiagnostics.FeeRatesInvalid, $"'{key}' of a rate of fee rule '{ruleName}' must be a date written yyyy-MM-dd, or null.");
        ok = false;
        return null;
    }

    /// <summary>LocalParams or GlobalParams: each checked, compiled for fee amounts and handed to the engine as read here.</summary>
    private (List<CompiledScopedParam> Compiled, List<ScopedParam> Engine) CompileScopedParams(JsonNode? node, string pointer, List<ParameterExpression> scoped)
    {
        var result = new List<CompiledScopedParam>();
        var engine = new List<ScopedParam>();
        if (node is null)
        {
            return (result, engine);
        }

        if (node is not JsonArray array)
        {
            Error(pointer, RuleDiagnostics.Malformed, "Scoped params are an array of { \"Name\", \"Expression\" }.");
            return (result, engine);
        }

        for (var i = 0; i < array.Count; i++)
        {
            var itemPointer = pointer + "/" + i.ToString(CultureInfo.InvariantCulture);
            if (array[i] is not JsonObject param || !JsonValues.TryGetString(RuleJson.Get(param, "Name"), out var name) || !JsonValues.TryGetString(RuleJson.Get(param, "Expression"), out var expression))
            {
                Error(itemPointer, RuleDiagnostics.Malformed, "Each scoped param needs \"Name\" and \"Expression\".");
                continue;
            }

            var parsed = ParseChecked(expression, scoped, null, itemPointer + "/" + KeyOf(param, "Expression"), $"The param '{name}'");
            if (parsed?.Lambda is null)
            {
                continue;
            }

            var parameter = Expression.Parameter(parsed.Lambda.Body.Type, name);
            scoped.Add(parameter);
            if (parsed.Metered)
            {
                _metered.Add(parameter);
            }

            result.Add(new CompiledScopedParam(name, parsed.Lambda.Body.Type, CompileArray(parsed.Lambda)));
            engine.Add(new ScopedParam { Name = name, Expression = expression });
        }

        return (result, engine);
    }

    /// <summary>RulesEngine features that would run rules or workflows the checker has not seen.</summary>
    private void RefuseUnsupported(JsonObject node, string pointer)
    {
        if (RuleJson.Has(node, "WorkflowsToInject") || RuleJson.Has(node, "WorkflowRulesToInject"))
        {
            var key = RuleJson.Has(node, "WorkflowsToInject") ? KeyOf(node, "WorkflowsToInject") : KeyOf(node, "WorkflowRulesToInject");
            Error(pointer + "/" + key, RuleDiagnostics.UnsupportedFeature, $"'{key}' is not allowed: a procedure's rules cannot call other workflows.");
        }

        if (JsonValues.TryGetString(RuleJson.Get(node, "RuleExpressionType"), out var type) && !string.Equals(type, "LambdaExpression", StringComparison.OrdinalIgnoreCase))
        {
            Error(pointer + "/" + KeyOf(node, "RuleExpressionType"), RuleDiagnostics.UnsupportedFeature, $"The expression type '{type}' is not supported; rules are \"LambdaExpression\".");
        }
    }

    /// <summary>The key as the author wrote it (any case), for pointers that lead to the right line.</summary>
    private static string KeyOf(JsonObject node, string name) =>
        node.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) ?? name;

    private void CheckActions(JsonNode? node, string pointer, List<ParameterExpression> scoped)
    {
        if (node is not JsonObject actions)
        {
            return;
        }

        // Every action is read, whatever its key (RulesEngine knows OnSuccess and OnFailure in any case), and its context
        // keys are matched without regard to case as RulesEngine's ActionContext does.
        foreach (var (when, action) in actions)
        {
            var actionPointer = JsonPointer.Append(pointer, when);
            var actionName = JsonValues.TryGetString(RuleJson.Get(action, "Name"), out var n) ? n : string.Empty;
            if (!string.Equals(actionName, "OutputExpression", StringComparison.OrdinalIgnoreCase))
            {
                Error(actionPointer, RuleDiagnostics.UnsupportedFeature, $"The action '{actionName}' is not allowed; only \"OutputExpression\" is.");
                continue;
            }

            var context = RuleJson.Get(action, "Context");
            var contextPointer = actionPointer + "/" + (action is JsonObject a ? KeyOf(a, "Context") : "Context");
            if (context is not JsonObject contextObject || !JsonValues.TryGetString(RuleJson.Get(context, "Expression"), out var expression))
            {
                Error(contextPointer, RuleDiagnostics.Malformed, "An \"OutputExpression\" action needs \"Context\": { \"Expression\": \"…\" }.");
                continue;
            }

            ParseChecked(expression, scoped, null, contextPointer + "/" + KeyOf(contextObject, "Expression"), "The output expression");
        }
    }

    private ParsedExpression? ParseChecked(string expression, List<ParameterExpression> scoped, Type? resultType, string pointer, string subject)
    {
        var parsed = _parser.Parse(expression, scoped, resultType, _metered);
        if (parsed.Error is { } error)
        {
            var location = ExpressionLocation(pointer, expression, parsed.Position);
            _errors++;
            _diagnostics.Add(error.UnknownField
                ? location.Error(RuleDiagnostics.UnknownField, $"{subject} reads a field the form does not define: {error.Message}.")
                : location.Error(RuleDiagnostics.InvalidExpression, $"{subject} is not a valid expression{(resultType == typeof(bool) ? " that yields true or false" : string.Empty)}: {error.Message}"));
            return null;
        }

        if (parsed.Violations.Count > 0)
        {
            Error(pointer, RuleDiagnostics.SandboxViolation, $"{subject} uses {string.Join(", ", parsed.Violations)}, which rules may not use. Rules can read input, ctx, Dvc.*, Math and list operators only.");
            return null;
        }

        return parsed;
    }

    private SourceLocation ExpressionLocation(string pointer, string expression, int position)
    {
        var location = _source.Locate(pointer);
        if (position < 0 || location.Line == 0 || expression.Contains('\n') || expression.Contains('"') || expression.Contains('\\'))
        {
            return location;
        }

        // The map points at the string's opening quote; the parser's offset counts from the first character inside it.
        return location with { Column = location.Column + 1 + Math.Min(position, expression.Length) };
    }

    private Func<object?[], object?> CompileArray(LambdaExpression lambda)
    {
        var args = Expression.Parameter(typeof(object[]), "args");
        var arguments = lambda.Parameters.Select((p, i) => (Expression)Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.Type));
        var body = Expression.Convert(Expression.Invoke(lambda, arguments), typeof(object));
        return Expression.Lambda<Func<object?[], object?>>(body, args).Compile();
    }

    private static string Describe(Type type) =>
        type == typeof(string) ? "text" : type == typeof(bool) || type == typeof(bool?) ? "true/false" : type.Name;

    private void Error(string pointer, string code, string message)
    {
        _errors++;
        _diagnostics.Add(_source.Locate(pointer).Error(code, message));
    }

    private void Warning(string pointer, string code, string message) => _diagnostics.Add(_source.Locate(pointer).Warning(code, message));
}
