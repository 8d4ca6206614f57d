using System.Collections;
using System.Globalization;
using System.Linq.Dynamic.Core;
using System.Reflection;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Forms;

namespace Dvc.Engine.Core.Rules;

/// <summary>
/// The CLR type <c>input</c> has in rule expressions, built from the form (integer → long?, number → decimal?,
/// boolean → bool?, date → DateTime?, string → string, object → nested class, array → <see cref="MeteredList{T}"/>, whose items charge the evaluation budget), so an expression that
/// reads a field the form lacks fails to parse at compile time. Also binds a submission to an instance of that type.
/// </summary>
internal sealed class RuleInputType
{
    private readonly Dictionary<Type, string> _pointers = [];
    private readonly Dictionary<Type, FormField> _fields = [];

    private RuleInputType(FormDefinition form)
    {
        Type = Build(form.Root);
    }

    public Type Type { get; }

    /// <summary>Every generated class (root and nested), which the sandbox lets expressions read.</summary>
    public IReadOnlyCollection<Type> GeneratedTypes => _pointers.Keys;

    public static RuleInputType For(FormDefinition form) => new(form);

    /// <summary>The form pointer a generated class stands for, to name the right place in "unknown field" messages.</summary>
    public string? PointerOf(string typeName) => _pointers.FirstOrDefault(p => p.Key.Name == typeName).Value;

    private Type Build(FormField field)
    {
        switch (field.Type)
        {
            case FormFieldType.Object:
                var properties = field.Properties
                    .Where(p => p.Name.Length > 0 && (char.IsLetter(p.Name[0]) || p.Name[0] == '_'))
                    .Select(p => new DynamicProperty(p.Name, Build(p)))
                    .ToList();
                var type = DynamicClassFactory.CreateType(properties, createParameterCtor: false);
                _pointers.TryAdd(type, field.DataPointer);
                _fields.TryAdd(type, field);
                return type;
            case FormFieldType.Array:
                var item = field.Items is null ? typeof(string) : Build(field.Items);
                return typeof(MeteredList<>).MakeGenericType(item);
            case FormFieldType.Integer:
                return typeof(long?);
            case FormFieldType.Number:
                return typeof(decimal?);
            case FormFieldType.Boolean:
                return typeof(bool?);
            default:
                return field.IsDate ? typeof(DateTime?) : typeof(string);
        }
    }

    /// <summary>
    /// Builds an instance from a submission; values of the wrong JSON type become null (form validation reports them).
    /// Repeated fields charge <paramref name="budget"/> for every item a rule reads.
    /// </summary>
    public object Bind(JsonObject data, RuleBudget? budget = null) => Bind(data, Type, budget)!;

    private static bool IsGroup(Type type) => typeof(DynamicClass).IsAssignableFrom(type);

    private static object? Bind(JsonNode? node, Type type, RuleBudget? budget)
    {
        if (node is null)
        {
            // A missing group binds as an empty group, so input.applicant.birthDate is null rather than a NullReferenceException.
            return IsGroup(type) ? Bind(new JsonObject(), type, budget) : null;
        }

        if (type == typeof(string))
        {
            return JsonValues.TryGetString(node, out var text) ? text : node is JsonValue ? node.ToJsonString() : null;
        }

        if (type == typeof(long?))
        {
            return JsonValues.TryGetDecimal(node, out var number) && decimal.Truncate(number) == number && number is >= long.MinValue and <= long.MaxValue ? (long)number
                : JsonValues.TryGetString(node, out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        }

        if (type == typeof(decimal?))
        {
            return JsonValues.TryGetDecimal(node, out var number) ? number
                : JsonValues.TryGetString(node, out var s) && decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        }

        if (type == typeof(bool?))
        {
            return JsonValues.TryGetBoolean(node, out var flag) ? flag : null;
        }

        if (type == typeof(DateTime?))
        {
            return JsonValues.TryGetDate(node, out var date) ? date.ToDateTime(TimeOnly.MinValue) : null;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(MeteredList<>))
        {
            if (node is not JsonArray array)
            {
                return null;
            }

            var itemType = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
            foreach (var item in array)
            {
                list.Add(Bind(item, itemType, budget));
            }

            return Activator.CreateInstance(type, BindingFlags.NonPublic | BindingFlags.Instance, null, [list, budget], CultureInfo.InvariantCulture);
        }

        if (node is not JsonObject obj)
        {
            return IsGroup(type) ? Bind(new JsonObject(), type, budget) : null;
        }

        var instance = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (property.CanWrite && property.GetIndexParameters().Length == 0)
            {
                obj.TryGetPropertyValue(property.Name, out var value);
                property.SetValue(instance, Bind(value, property.PropertyType, budget));
            }
        }

        return instance;
    }
}
