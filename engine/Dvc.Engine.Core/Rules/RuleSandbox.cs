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
internal sealed class RuleSandbox : ExpressionVisitor
{
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
        typeof(IOrderedEnumerable<>), typeof(Nullable<>), typeof(IEquatable<>), typeof(IComparable<>),
    ];

    private static readonly HashSet<string> RefusedMethods = new(StringComparer.Ordinal)
    {
        "GetType", "Range", "Repeat", "MemberwiseClone", "Finalize", "ReferenceEquals", "Intern", "IsInterned",
    };

    private static readonly HashSet<string> RefusedMembers = new(StringComparer.Ordinal) { "Now", "UtcNow", "Today" };

    private readonly HashSet<Type> _inputTypes;
    private readonly ParameterExpression? _input;
    private readonly List<string> _violations = [];
    private readonly SortedSet<string> _reads = new(StringComparer.Ordinal);

    private RuleSandbox(IEnumerable<Type> inputTypes, ParameterExpression? input)
    {
        _inputTypes = [.. inputTypes];
        _input = input;
    }

    /// <summary>Checks <paramref name="expression"/>; returns what is refused (empty when safe) and the input fields read.</summary>
    public static (IReadOnlyList<string> Violations, IReadOnlyCollection<string> Reads) Check(Expression expression, IEnumerable<Type> inputTypes, ParameterExpression? input)
    {
        var sandbox = new RuleSandbox(inputTypes, input);
        sandbox.Visit(expression);
        var reads = sandbox._reads.Where(r => !sandbox._reads.Any(other => other.Length > r.Length && other.StartsWith(r + "/", StringComparison.Ordinal))).ToArray();
        return (sandbox._violations, reads);
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
        if (declaring is null || !IsAllowed(declaring) || (RefusedMembers.Contains(node.Member.Name) && declaring != typeof(RuleContext)))
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
        var declaring = node.Method.DeclaringType;
        if (declaring is null || !IsAllowed(declaring) || RefusedMethods.Contains(node.Method.Name) || node.Method.Name.StartsWith("set_", StringComparison.Ordinal))
        {
            Refuse($"the method '{Describe(declaring)}.{node.Method.Name}'");
            return node;
        }

        return base.VisitMethodCall(node);
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
