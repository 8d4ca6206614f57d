using System.Diagnostics;
using System.Globalization;
using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Dvc.Engine.Core.Workflows.Expressions;

/// <summary>
/// The one way to parse and render definition Liquid (Fluid), with the limits of <see cref="ExpressionSandboxOptions"/>.
/// </summary>
/// <remarks>
/// Fluid counts statements (<c>MaxSteps</c>) but a single range <c>(1..1000000000)</c> builds a billion values, a filter
/// chain can grow a text many times over, and nothing watches the clock. So: <c>include</c>/<c>render</c> are refused at
/// compile time (there are no template files; at run time the file provider is empty anyway), ranges are rewritten to
/// refuse more items than the step limit (a constant one already at compile time), every filter, assignment, capture and
/// write checks the deadline and the size of what it made, and <c>replace</c>, <c>join</c> and <c>split</c> check their
/// result's size before making it. Every failure comes out as a <see cref="WorkflowExpressionException"/>.
/// </remarks>
internal static class LiquidSandbox
{
    private const string DeadlineKey = "dvc.deadline";
    private const string LimitsKey = "dvc.limits";

    private static readonly FluidParser Parser = new();

    // Filters are the same for every render; the per-render deadline and limits travel in the context's ambient values.
    private static readonly FilterCollection GuardedFilters = Guard(new TemplateOptions().Filters);

    /// <summary>Parses and bounds a template; null with the reason when it does not parse or uses what the sandbox refuses.</summary>
    public static IFluidTemplate? TryCompile(string text, ExpressionSandboxOptions options, out string? error)
    {
        if (!Parser.TryParse(text, out var parsed, out error))
        {
            return null;
        }

        var rewriter = new BoundingRewriter(options.LiquidMaxSteps);
        var template = rewriter.VisitTemplate(parsed);
        error = rewriter.Refusals.Count == 0 ? null : string.Join("; ", rewriter.Refusals);
        return error is null ? template : null;
    }

    /// <summary>Renders with the steps, recursion, time and size limits; any failure is a <see cref="WorkflowExpressionException"/>.</summary>
    public static string Render(IFluidTemplate template, ExpressionSandboxOptions sandbox, Action<TemplateContext> setValues)
    {
        var options = new TemplateOptions
        {
            MaxSteps = sandbox.LiquidMaxSteps,
            MaxRecursion = sandbox.LiquidMaxRecursion,
            Assigned = (_, value, context) => Checked(value, context),
            Captured = (_, value, context) => Checked(value, context),
        };
        options.Filters.Clear();
        foreach (var (name, filter) in GuardedFilters)
        {
            options.Filters.AddFilter(name, filter);
        }

        var context = new TemplateContext(options);
        var limits = new Limits(Stopwatch.GetTimestamp() + (long)(sandbox.Timeout.TotalSeconds * Stopwatch.Frequency), sandbox.MaxTextLength, sandbox.Timeout);
        context.AmbientValues[LimitsKey] = limits;
        setValues(context);

        var writer = new BoundedWriter(limits);
        try
        {
            // Fluid completes synchronously here (no async values); GetResult also surfaces a failure of a completed task.
            template.RenderAsync(writer, NullEncoder.Default, context).AsTask().GetAwaiter().GetResult();

            return writer.ToString();
        }
        catch (WorkflowExpressionException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // Steps and recursion (InvalidOperationException), a missing include (FileNotFoundException), a number out of range…
            throw new WorkflowExpressionException($"Liquid stopped: {ex.Message}", ex);
        }
    }

    private static ValueTask<FluidValue> Checked(FluidValue value, TemplateContext context)
    {
        LimitsOf(context).Check(value);
        return ValueTask.FromResult(value);
    }

    private static Limits LimitsOf(TemplateContext context) =>
        context.AmbientValues.TryGetValue(LimitsKey, out var limits) && limits is Limits l ? l : throw new WorkflowExpressionException("Liquid rendered outside its sandbox.");

    private static FilterCollection Guard(FilterCollection filters)
    {
        var guarded = new FilterCollection(filters.Count);
        foreach (var (name, filter) in filters)
        {
            var inner = filter;
            var before = name switch
            {
                "replace" => (Action<FluidValue, FilterArguments, Limits>)CheckReplace,
                "join" => CheckJoin,
                "split" => CheckSplit,
                _ => null,
            };
            guarded.AddFilter(name, async (input, arguments, context) =>
            {
                var limits = LimitsOf(context);
                limits.Check(null);
                before?.Invoke(input, arguments, limits);
                var result = await inner(input, arguments, context);
                limits.Check(result);
                return result;
            });
        }

        return guarded;
    }

    private static void CheckReplace(FluidValue input, FilterArguments arguments, Limits limits)
    {
        var text = input.ToStringValue();
        var search = arguments.At(0).ToStringValue();
        var replacement = arguments.At(1).ToStringValue();
        var count = 0L;
        if (search.Length == 0)
        {
            count = text.Length + 1;
        }
        else
        {
            for (var at = text.IndexOf(search, StringComparison.Ordinal); at >= 0; at = text.IndexOf(search, at + search.Length, StringComparison.Ordinal))
            {
                count++;
            }
        }

        limits.CheckLength(text.Length + (count * replacement.Length));
    }

    private static void CheckJoin(FluidValue input, FilterArguments arguments, Limits limits)
    {
        var separator = arguments.Count > 0 ? arguments.At(0).ToStringValue() : " ";
        var total = 0L;
        var items = 0L;
        foreach (var item in input.Enumerate(new TemplateContext()))
        {
            total += item.ToStringValue().Length + (items++ > 0 ? separator.Length : 0);
            limits.CheckLength(total);
        }
    }

    private static void CheckSplit(FluidValue input, FilterArguments arguments, Limits limits)
    {
        var separator = arguments.At(0).ToStringValue();
        var text = input.ToStringValue();
        var pieces = separator.Length == 0 ? text.Length : text.Length / separator.Length + 1;
        if (pieces > limits.MaxItems)
        {
            throw new WorkflowExpressionException($"Liquid stopped: splitting would make up to {pieces:N0} items; at most {limits.MaxItems:N0} are allowed.");
        }
    }

    /// <summary>The deadline and sizes of one render, shared by its filters, hooks and writer.</summary>
    private sealed class Limits(long deadline, int maxLength, TimeSpan timeout)
    {
        public int MaxItems { get; } = (int)JavaScriptSandbox.ArrayLimit;

        public void Check(FluidValue? value)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new WorkflowExpressionException($"Liquid stopped: rendering took longer than {timeout.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture)} s.");
            }

            switch (value)
            {
                case StringValue text:
                    CheckLength(text.ToStringValue().Length);
                    break;
                case ArrayValue array when array.Values.Count > MaxItems:
                    throw new WorkflowExpressionException($"Liquid stopped: a list of {array.Values.Count:N0} items; at most {MaxItems:N0} are allowed.");
            }
        }

        public void CheckLength(long length)
        {
            if (length > maxLength)
            {
                throw new WorkflowExpressionException($"Liquid stopped: a text of {length:N0} characters; at most {maxLength:N0} are allowed.");
            }
        }
    }

    /// <summary>Collects the output, refusing it past the size limit or the deadline.</summary>
    private sealed class BoundedWriter(Limits limits) : StringWriter(CultureInfo.InvariantCulture)
    {
        public override void Write(char value)
        {
            base.Write(value);
            Check();
        }

        public override void Write(string? value)
        {
            base.Write(value);
            Check();
        }

        public override void Write(char[] buffer, int index, int count)
        {
            base.Write(buffer, index, count);
            Check();
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            base.Write(buffer);
            Check();
        }

        private void Check()
        {
            limits.Check(null);
            limits.CheckLength(GetStringBuilder().Length);
        }
    }

    /// <summary>Refuses include/render and constant ranges past the limit; makes every other range check its size when run.</summary>
    private sealed class BoundingRewriter(int maxItems) : AstRewriter
    {
        public List<string> Refusals { get; } = [];

        protected override Statement VisitIncludeStatement(IncludeStatement includeStatement)
        {
            Refusals.Add("'include' is not allowed: expressions cannot read template files");
            return includeStatement;
        }

        protected override Statement VisitRenderStatement(RenderStatement renderStatement)
        {
            Refusals.Add("'render' is not allowed: expressions cannot read template files");
            return renderStatement;
        }

        protected override Expression VisitRangeExpression(RangeExpression rangeExpression)
        {
            var from = Visit(rangeExpression.From);
            var to = Visit(rangeExpression.To);
            if (from is Fluid.Ast.LiteralExpression { Value: NumberValue first } && to is Fluid.Ast.LiteralExpression { Value: NumberValue last }
                && (double)last.ToNumberValue() - (double)first.ToNumberValue() + 1 > maxItems)
            {
                Refusals.Add($"the range ({first.ToNumberValue()}..{last.ToNumberValue()}) has more than {maxItems:N0} items");
            }

            return new BoundedRangeExpression(from, to, maxItems);
        }
    }

    /// <summary><c>(a..b)</c> that refuses to build more than the step limit allows, before allocating anything.</summary>
    private sealed class BoundedRangeExpression(Expression from, Expression to, int maxItems) : Expression
    {
        public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
        {
            var start = (await from.EvaluateAsync(context)).ToNumberValue();
            var end = (await to.EvaluateAsync(context)).ToNumberValue();
            if (end - start + 1 > maxItems)
            {
                throw new WorkflowExpressionException($"Liquid stopped: the range ({start}..{end}) has more than {maxItems:N0} items.");
            }

            var first = (int)decimal.Truncate(start);
            var values = new FluidValue[Math.Max(0, (int)decimal.Truncate(end) - first + 1)];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = NumberValue.Create(first + i);
            }

            return new ArrayValue(values);
        }
    }
}
