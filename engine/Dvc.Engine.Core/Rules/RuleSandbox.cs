using System.Collections;
using System.Linq.Dynamic.Core;
using System.Linq.Expressions;
using System.Reflection;
using DvcFunctions = Dvc.Engine.Core.Rules.Functions.Dvc;

namespace Dvc.Engine.Core.Rules;

/// <summary>
/// Walks a parsed expression tree and refuses anything outside an allow-list of types and members: System.Linq.Dynamic.Core
/// lets <c>x.GetType().Assembly</c> through, and RulesEngine registers more types than a rule needs. Everything a rule may
/// touch is listed here: the form's generated classes, <see cref="RuleContext"/>, <see cref="Dvc"/>, scalars, strings, dates,
/// Math, LINQ over lists. The clock (<c>DateTime.Now</c>) is refused too: rules decide as of the submission date.
/// Also collects which form fields (as JSON pointers) the expression reads, for the decision trace.
/// </summary>
/// <remarks>
/// The allow-list also keeps every evaluation cheap between two charges of its <see cref="RuleBudget"/>:
/// <list type="bullet">
/// <item>a loop (a LINQ operator taking a lambda) may only run over a repeated form field (<see cref="MeteredList{T}"/>) or a
/// lazy chain of operators over one, whose items charge the budget; never over a string, an array or a copied list;</item>
/// <item>nothing makes a large value in one call: <c>PadLeft</c>/<c>PadRight</c> only to a constant width of at most
/// <see cref="MaxPadWidth"/>, <c>Replace</c> only of a constant by a constant no longer, concatenation only of form text,
/// constants and numbers (so a chain of params cannot double a string), no <c>Insert</c>, <c>Join</c> or <c>Format</c>.</item>
/// </list>
/// </remarks>
internal sealed class RuleSandbox : ExpressionVisitor
{
    /// <summary>The widest <c>PadLeft</c>/<c>PadRight</c> a rule may ask for (enough for codes and fixed-width numbers).</summary>
    public const int MaxPadWidth = 256;

    private static readonly HashSet<Type> Scalars =
    [
        typeof(bool), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong),
        typeof(float), typeof(double), typeof(decimal), typeof(char), typeof(string), typeof(DateTime), typeof(DateOnly), typeof(TimeSpan),
        typeof(Guid), typeof(object), typeof(Math), typeof(Enumerable), typeof(DvcFunctions), typeof(RuleContext), typeof(IEnumerable), typeof(ICollection),
        typeof(IList), typeof(StringComparison),
    ];

    private static readonly HashSet<Type> GenericCollections =
    [
        typeof(IEnumerable<>), typeof(ICollection<>), typeof(IList<>), typeof(IReadOnlyCollection<>), typeof(IReadOnlyList<>), typeof(List<>),
        typeof(IOrderedEnumerable<>), typeof(Nullable<>), typeof(IEquatable<>), typeof(IComparable<>), typeof(MeteredList<>),
    ];

    private static readonly HashSet<string> RefusedMethods = new(StringComparer.Ordinal)
    {
        "GetType", "Range", "Repeat", "MemberwiseClone", "Finalize", "ReferenceEquals", "Intern", "IsInterned",
    };

    private static readonly HashSet<string> RefusedMembers = new(StringComparer.Ordinal) { "Now", "UtcNow", "Today" };

    /// <summary>String members a rule may call: each costs at most a pass over its text and makes nothing larger.</summary>
    private static readonly HashSet<string> StringMembers = new(StringComparer.Ordinal)
    {
        "Empty", "get_Length", "get_Chars", "Length", "Chars", "Contains", "StartsWith", "EndsWith", "IndexOf", "IndexOfAny", "LastIndexOf", "LastIndexOfAny",
        "Substring", "Trim", "TrimStart", "TrimEnd", "ToUpper", "ToLower", "ToUpperInvariant", "ToLowerInvariant", "Normalize", "IsNormalized",
        "Remove", "Split", "Equals", "CompareTo", "Compare", "CompareOrdinal", "IsNullOrEmpty", "IsNullOrWhiteSpace", "ToString", "GetHashCode",
        "op_Equality", "op_Inequality", "Concat", "Replace", "PadLeft", "PadRight",
    };

    /// <summary>Instance members of collection types: reading, never adding, copying or looping with a delegate.</summary>
    private static readonly HashSet<string> CollectionMembers = new(StringComparer.Ordinal)
    {
        "get_Count", "Count", "get_Item", "Item", "get_Length", "Length", "Contains", "IndexOf", "LastIndexOf", "Equals", "GetHashCode", "ToString", "GetEnumerator",
    };

    /// <summary>LINQ operators that return a lazy sequence over their source: metered when the source is.</summary>
    private static readonly HashSet<string> LazyOperators = new(StringComparer.Ordinal)
    {
        "Where", "Select", "SelectMany", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "Order", "OrderDescending", "Skip", "Take",
        "SkipWhile", "TakeWhile", "SkipLast", "TakeLast", "Distinct", "DistinctBy", "Reverse", "Concat", "Union", "UnionBy", "Intersect",
        "IntersectBy", "Except", "ExceptBy", "Zip", "Append", "Prepend", "DefaultIfEmpty", "Cast", "OfType", "AsEnumerable",
    };

    /// <summary>String operations whose result is no longer than their text (so bounded text stays bounded).</summary>
    private static readonly HashSet<string> NonGrowing = new(StringComparer.Ordinal)
    {
        "Trim", "TrimStart", "TrimEnd", "ToUpper", "ToLower", "ToUpperInvariant", "ToLowerInvariant", "Substring", "Remove", "Normalize",
        "Replace", "PadLeft", "PadRight",
    };

    private readonly HashSet<Type> _inputTypes;
    private readonly ParameterExpression? _input;
    private readonly IReadOnlySet<ParameterExpression> _meteredParams;
    private readonly HashSet<ParameterExpression> _inputItems = [];
    private readonly List<string> _violations = [];
    private readonly SortedSet<string> _reads = new(StringComparer.Ordinal);

    private RuleSandbox(IEnumerable<Type> inputTypes, ParameterExpression? input, IReadOnlySet<ParameterExpression>? meteredParams)
    {
        _inputTypes = [.. inputTypes];
        _input = input;
        _meteredParams = meteredParams ?? new HashSet<ParameterExpression>();
    }

    /// <summary>
    /// Checks <paramref name="expression"/>; returns what is refused (empty when safe), the input fields read, and whether the
    /// expression is itself a metered sequence (a scoped param holding one may be looped over).
    /// </summary>
    public static (IReadOnlyList<string> Violations, IReadOnlyCollection<string> Reads, bool Metered) Check(
        Expression expression, IEnumerable<Type> inputTypes, ParameterExpression? input, IReadOnlySet<ParameterExpression>? meteredParams = null)
    {
        var sandbox = new RuleSandbox(inputTypes, input, meteredParams);
        sandbox.Visit(expression);
        var reads = sandbox._reads.Where(r => !sandbox._reads.Any(other => other.Length > r.Length && other.StartsWith(r + "/", StringComparison.Ordinal))).ToArray();
        return (sandbox._violations, reads, sandbox.IsMetered(expression));
    }

    public override Expression? Visit(Expression? node)
    {
        if (node is not null && !IsAllowed(node.Type))
        {
            Refuse($"a value of type '{Describe(node.Type)}'");
            return node;
        }

        return base.Visit(node);
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        var declaring = node.Member.DeclaringType;
        if (declaring is null || !IsAllowed(declaring) || (RefusedMembers.Contains(node.Member.Name) && declaring != typeof(RuleContext))
            || (declaring == typeof(string) && !StringMembers.Contains(node.Member.Name)))
        {
            Refuse($"'{Describe(declaring)}.{node.Member.Name}'");
            return node;
        }

        if (ReadPointer(node) is { } pointer)
        {
            _reads.Add(pointer);
        }

        return base.VisitMember(node);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var method = node.Method;
        var declaring = method.DeclaringType;
        if (declaring is null || !IsAllowed(declaring) || RefusedMethods.Contains(method.Name) || method.Name.StartsWith("set_", StringComparison.Ordinal)
            || (declaring == typeof(string) && !StringMembers.Contains(method.Name))
            || (IsCollection(declaring) && !CollectionMembers.Contains(method.Name)))
        {
            Refuse($"the method '{Describe(declaring)}.{method.Name}'");
            return node;
        }

        if (declaring == typeof(Enumerable))
        {
            CheckLoop(node);
        }
        else if (declaring == typeof(string) && !IsCheapStringCall(node))
        {
            Refuse($"'{method.Name}' here: it could build a large text in one step (pad only to a constant width up to {MaxPadWidth}, replace a constant by a constant no longer, join only form fields, constants and numbers)");
            return node;
        }

        return base.VisitMethodCall(node);
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        // "a" + input.b is parsed as a call of string.Concat that the binary node carries.
        if (node.Method?.DeclaringType == typeof(string) && node.Method.Name == "Concat" && !IsBoundedText(node))
        {
            Refuse("joining texts that do not come straight from the form or constants (a chain of params could double a text each time)");
            return node;
        }

        return base.VisitBinary(node);
    }

    protected override Expression VisitNew(NewExpression node)
    {
        var type = node.Type;
        if (!(typeof(DynamicClass).IsAssignableFrom(type) || type == typeof(DateTime) || type == typeof(TimeSpan) || type == typeof(decimal) || type == typeof(DateOnly)))
        {
            Refuse($"creating a '{Describe(type)}'");
            return node;
        }

        return base.VisitNew(node);
    }

    protected override Expression VisitNewArray(NewArrayExpression node)
    {
        // new[] { … } lists what the author wrote; new T[n] would allocate whatever n says.
        if (node.NodeType == ExpressionType.NewArrayBounds)
        {
            Refuse("creating an array of a computed size");
            return node;
        }

        return base.VisitNewArray(node);
    }

    protected override Expression VisitInvocation(InvocationExpression node)
    {
        Refuse("invoking a delegate");
        return node;
    }

    protected override Expression VisitTypeBinary(TypeBinaryExpression node)
    {
        if (!IsAllowed(node.TypeOperand))
        {
            Refuse($"the type '{Describe(node.TypeOperand)}'");
            return node;
        }

        return base.VisitTypeBinary(node);
    }

    protected override Expression VisitConstant(ConstantExpression node)
    {
        if (node.Value is not null && !IsAllowed(node.Value.GetType()))
        {
            Refuse($"a constant of type '{Describe(node.Value.GetType())}'");
        }

        return node;
    }

    /// <summary>A LINQ operator with a lambda is a loop: its source must charge the budget for every item.</summary>
    private void CheckLoop(MethodCallExpression node)
    {
        if (node.Arguments.Count == 0 || !node.Arguments.Skip(1).Any(a => StripQuotes(a) is LambdaExpression))
        {
            return;
        }

        var source = node.Arguments[0];
        if (!IsMetered(source))
        {
            Refuse($"a loop ('{node.Method.Name}') over {DescribeSource(source)}; loops may only run over repeated form fields such as input.children");
            return;
        }

        // Items of a repeated field of text are form text, which may be joined like any other. Aggregate's first lambda
        // parameter is the accumulator, which the rule builds itself, so it gets nothing.
        if (node.Method.Name != "Aggregate" && Unwrap(source).Type is { IsGenericType: true } sourceType && sourceType.GetGenericTypeDefinition() == typeof(MeteredList<>))
        {
            var itemType = sourceType.GetGenericArguments()[0];
            foreach (var lambda in node.Arguments.Skip(1).Select(StripQuotes).OfType<LambdaExpression>())
            {
                if (lambda.Parameters.Count > 0 && lambda.Parameters[0].Type == itemType)
                {
                    _inputItems.Add(lambda.Parameters[0]);
                }
            }
        }
    }

    /// <summary>True when enumerating <paramref name="expression"/> charges the budget for each item it yields.</summary>
    private bool IsMetered(Expression expression)
    {
        var e = Unwrap(expression);
        if (e.Type.IsGenericType && e.Type.GetGenericTypeDefinition() == typeof(MeteredList<>))
        {
            return true;
        }

        if (e is ParameterExpression parameter)
        {
            return _meteredParams.Contains(parameter);
        }

        if (e is not MethodCallExpression { Method.DeclaringType: { } declaring } call || declaring != typeof(Enumerable) || !LazyOperators.Contains(call.Method.Name))
        {
            return false;
        }

        return call.Method.Name switch
        {
            // Every inner sequence is looped over too, so each must charge as well.
            "SelectMany" => IsMetered(call.Arguments[0]) && call.Arguments.Skip(1).Select(StripQuotes).OfType<LambdaExpression>().All(l => IsMetered(l.Body)),
            "Concat" or "Union" or "UnionBy" or "Intersect" or "IntersectBy" or "Except" or "ExceptBy" =>
                IsMetered(call.Arguments[0]) && IsMetered(call.Arguments[1]),
            _ => IsMetered(call.Arguments[0]),
        };
    }

    /// <summary>Padding, replacing and joining are the string calls that can grow a text; they get the rules in the remarks.</summary>
    private bool IsCheapStringCall(MethodCallExpression node) => node.Method.Name switch
    {
        "PadLeft" or "PadRight" => node.Arguments.Count > 0 && Unwrap(node.Arguments[0]) is ConstantExpression { Value: int width } && width <= MaxPadWidth,
        "Replace" => node.Arguments.Count == 2 && (node.Arguments[0].Type == typeof(char)
            || (Unwrap(node.Arguments[0]) is ConstantExpression { Value: string { Length: > 0 } from } && Unwrap(node.Arguments[1]) is ConstantExpression { Value: var to }
                && (to as string ?? string.Empty).Length <= from.Length)),
        "Concat" => IsBoundedText(node),
        _ => true,
    };

    /// <summary>
    /// Text whose length is bounded by the submission and the expression itself: constants, form fields, numbers and dates
    /// turned into text, and non-growing operations or joins of those. A param or a loop variable holding text built by
    /// the rule is not, so no chain can double a text again and again.
    /// </summary>
    private bool IsBoundedText(Expression expression)
    {
        var e = Unwrap(expression);
        switch (e)
        {
            case ConstantExpression:
                return true;
            case ParameterExpression parameter:
                return parameter == _input || _inputItems.Contains(parameter);
            case MemberExpression { Expression: { } owner } member:
                return _inputTypes.Contains(owner.Type) || (member.Member.DeclaringType == typeof(string) && IsBoundedText(owner)) || e.Type != typeof(string);
            case MemberExpression:
                return e.Type != typeof(string);
            case BinaryExpression { NodeType: ExpressionType.Add } add when add.Method?.DeclaringType == typeof(string):
                return IsBoundedText(add.Left) && IsBoundedText(add.Right);
            case BinaryExpression { NodeType: ExpressionType.Coalesce } coalesce:
                return IsBoundedText(coalesce.Left) && IsBoundedText(coalesce.Right);
            case ConditionalExpression conditional:
                return IsBoundedText(conditional.IfTrue) && IsBoundedText(conditional.IfFalse);
            case MethodCallExpression call when call.Method.DeclaringType == typeof(string) && call.Method.Name == "Concat":
                return call.Arguments.All(a => a is NewArrayExpression array ? array.Expressions.All(IsBoundedText) : IsBoundedText(a));
            case MethodCallExpression call when call.Method.DeclaringType == typeof(string) && NonGrowing.Contains(call.Method.Name):
                return call.Object is not null && IsBoundedText(call.Object) && IsCheapStringCall(call);
            case MethodCallExpression call when call.Method.Name == "ToString":
                return call.Object is null || call.Object.Type != typeof(string) || IsBoundedText(call.Object);
            case MethodCallExpression call when call.Method.DeclaringType == typeof(Enumerable) || call.Method.Name == "get_Item":
                // An item picked from a repeated field of text (input.tags.First(), input.tags[0]).
                var source = call.Object ?? (call.Arguments.Count > 0 ? call.Arguments[0] : null);
                return source is not null && Unwrap(source).Type == typeof(MeteredList<string>) && e.Type == typeof(string);
            default:
                return e.Type != typeof(string) && e.Type != typeof(object);
        }
    }

    private static Expression Unwrap(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked or ExpressionType.Quote or ExpressionType.TypeAs } unary)
        {
            expression = unary.Operand;
        }

        return expression;
    }

    private static Expression StripQuotes(Expression expression) =>
        expression is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : expression;

    private static bool IsCollection(Type type) =>
        type.IsArray || typeof(IEnumerable).IsAssignableFrom(type) && type != typeof(string) && type != typeof(Enumerable);

    private static string DescribeSource(Expression source) => Unwrap(source).Type switch
    {
        var t when t == typeof(string) => "the characters of a text",
        { IsArray: true } => "an array",
        _ => "a list the rule built itself",
    };

    private bool IsAllowed(Type type)
    {
        if (Scalars.Contains(type) || _inputTypes.Contains(type) || typeof(DynamicClass).IsAssignableFrom(type))
        {
            return !typeof(MemberInfo).IsAssignableFrom(type);
        }

        if (type.IsArray)
        {
            return IsAllowed(type.GetElementType()!);
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var isDelegate = typeof(Delegate).IsAssignableFrom(type) && definition.Namespace == "System" && definition.Name.StartsWith("Func`", StringComparison.Ordinal);
            var isExpression = definition == typeof(Expression<>);
            return (GenericCollections.Contains(definition) || isDelegate || isExpression) && type.GetGenericArguments().All(IsAllowed);
        }

        return false;
    }

    /// <summary><c>input.applicant.birthDate</c> → <c>/applicant/birthDate</c>; null for anything not rooted at <c>input</c>.</summary>
    private string? ReadPointer(MemberExpression node)
    {
        var members = new Stack<MemberInfo>();
        Expression? current = node;
        while (current is MemberExpression member)
        {
            members.Push(member.Member);
            current = member.Expression;
        }

        if (current is null || current != _input)
        {
            return null;
        }

        // Stop at the first member that is not a form field (input.name.Length reads /name).
        var fields = members.TakeWhile(m => m.DeclaringType is not null && _inputTypes.Contains(m.DeclaringType)).Select(m => m.Name).ToArray();
        return fields.Length == 0 ? null : Definitions.JsonPointer.FromTokens(fields);
    }

    private void Refuse(string what)
    {
        if (_violations.Count < 5)
        {
            _violations.Add(what);
        }
    }

    private static string Describe(Type? type) => type is null ? "?" : typeof(DynamicClass).IsAssignableFrom(type) ? "input" : type.FullName ?? type.Name;
}
