using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Forms;
using Scriban;
using Scriban.Functions;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Dvc.Engine.Core.Templates;

/// <summary>
/// Renders compiled templates in a sandbox: the model is copied into plain Scriban objects (no .NET object is reachable),
/// built-ins are limited to string, math, array and html (no date.now, object.*, regex.*), there is no template loader
/// (include fails), and loops, recursion, output size and wall-clock time are capped.
/// </summary>
internal static class TemplateRenderer
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private static readonly NumberFormatInfo VndFormat = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NumberGroupSizes = [3] };

    public static RenderResult Render(CompiledTemplate template, TemplateModel model, ProcedureManifest manifest, FormDefinition form, string culture, TemplateLimits limits, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.Timeout);

        var globals = new ScriptObject
        {
            ["data"] = ToScript(model.Data),
            ["dossier"] = ToScript(model.Dossier ?? []),
            ["procedure"] = ToScript(new JsonObject
            {
                ["code"] = manifest.Code,
                ["version"] = manifest.Version,
                ["name"] = manifest.Name.Get(culture),
                ["agency"] = manifest.Agency.Name.Get(culture),
                ["agency_code"] = manifest.Agency.Code,
            }),
            ["today"] = (model.Today ?? DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(VietnamOffset).DateTime)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["culture"] = culture,
        };
        globals.Import("vnd", new Func<object?, string>(Vnd));
        globals.Import("vndate", new Func<object?, string>(VnDate));
        globals["label"] = DynamicCustomFunction.Create(new LabelFunction(form, model.Data, culture), typeof(LabelFunction).GetMethod(nameof(LabelFunction.Label))!);

        var context = new TemplateContext(Builtins())
        {
            LoopLimit = limits.LoopLimit,
            LoopLimitQueryable = limits.LoopLimit,
            RecursiveLimit = limits.RecursiveLimit,
            OutputLimit = limits.OutputLimit,
            OnOutputLimit = Scriban.ScriptLimitBehavior.Throw,
            LimitToString = limits.OutputLimit,
            ObjectRecursionLimit = 20,
            TemplateLoader = null,
            StrictVariables = false,
            EnableRelaxedMemberAccess = true,
            MemberFilter = _ => false,
            RegexTimeOut = TimeSpan.FromMilliseconds(100),
            CancellationToken = timeout.Token,
        };
        context.PushGlobal(globals);
        try
        {
            var text = template.Parsed.Render(context);
            return new RenderResult(true, text);
        }
        catch (ScriptRuntimeException ex)
        {
            return new RenderResult(false, string.Empty, $"{template.File}: {ex.OriginalMessage}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new RenderResult(false, string.Empty, $"{template.File}: rendering took longer than {limits.Timeout.TotalSeconds:0.##} s and was stopped.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // A template is part of an untrusted definition: whatever it makes Scriban throw (a regex time-out, a conversion,
            // a bug) is that template's failure, reported like any other, never the host's.
            return new RenderResult(false, string.Empty, $"{template.File}: {ex.Message}");
        }
    }

    // Built once and frozen: importing Scriban's function objects by reflection costs more than a whole render, and a
    // read-only object cannot be changed by one template for the next (assignments land in the per-render globals).
    private static readonly ScriptObject SharedBuiltins = CreateBuiltins();

    private static ScriptObject Builtins() => SharedBuiltins;

    private static ScriptObject CreateBuiltins()
    {
        var functions = new ScriptObject[] { new StringFunctions(), new MathFunctions(), new ArrayFunctions(), new HtmlFunctions() };
        var builtins = new ScriptObject
        {
            ["string"] = functions[0],
            ["math"] = functions[1],
            ["array"] = functions[2],
            ["html"] = functions[3],
        };
        foreach (var function in functions)
        {
            function.IsReadOnly = true;
        }

        builtins.IsReadOnly = true;
        return builtins;
    }

    private static object? ToScript(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var scriptObject = new ScriptObject();
                foreach (var (key, value) in obj)
                {
                    scriptObject[key] = ToScript(value);
                }

                return scriptObject;
            case JsonArray array:
                var scriptArray = new ScriptArray();
                foreach (var item in array)
                {
                    scriptArray.Add(ToScript(item));
                }

                return scriptArray;
            case JsonValue value:
                return value.GetValueKind() switch
                {
                    JsonValueKind.String => JsonValues.TryGetString(value, out var s) ? s : null,
                    JsonValueKind.Number => JsonValues.TryGetDecimal(value, out var d) ? (decimal.Truncate(d) == d && d is >= long.MinValue and <= long.MaxValue ? (long)d : d) : null,
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary><c>vnd(135000)</c> → <c>135.000 đ</c>.</summary>
    internal static string Vnd(object? amount)
    {
        var value = amount switch
        {
            null => 0m,
            string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
            IConvertible convertible => convertible.ToDecimal(CultureInfo.InvariantCulture),
            _ => 0m,
        };
        return Math.Round(value, 0, MidpointRounding.AwayFromZero).ToString("#,##0", VndFormat) + " đ";
    }

    /// <summary><c>vndate("2026-03-02")</c> → <c>02/03/2026</c>; anything that is not a date is returned as is.</summary>
    internal static string VnDate(object? value) => value switch
    {
        DateTime dateTime => dateTime.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        string text when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        string text when DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var dateTime) => dateTime.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        null => string.Empty,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>Bound per render so <c>label</c> sees this submission and culture; a method (not a lambda) so the value is optional.</summary>
    private sealed class LabelFunction(FormDefinition form, JsonObject data, string culture)
    {
        public string Label(string field, object? value = null) => TemplateRenderer.Label(form, data, field, value, culture);
    }

    /// <summary>
    /// <c>label "applicant.gender"</c> → the localized label of that field's current value;
    /// <c>label "applicant.gender" "nam"</c> → the label of a given value. Falls back to the value itself.
    /// </summary>
    internal static string Label(FormDefinition form, JsonObject data, string field, object? value, string culture)
    {
        var pointer = field.StartsWith('/') ? field : "/" + string.Join('/', field.Split('.').Select(JsonLineMap.Escape));
        if (value is null)
        {
            JsonPointer.TryNavigate(data, pointer, out var current);
            value = current is JsonValue v ? (JsonValues.TryGetString(v, out var s) ? s : v.ToJsonString()) : null;
        }

        var key = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        var definition = form.Find(pointer);
        var labels = definition?.EnumLabels.Count > 0 ? definition.EnumLabels : definition?.Items?.EnumLabels;
        return labels is not null && labels.TryGetValue(key, out var text) ? text.Get(culture) : key;
    }
}
