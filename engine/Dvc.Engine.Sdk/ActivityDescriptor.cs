using System.Reflection;

namespace Dvc.Engine.Sdk;

/// <summary>
/// Everything the designer palette and the workflow compiler need to know about an activity type, derived from
/// its attributes (<see cref="FromType"/>) so it cannot drift from the code.
/// </summary>
/// <param name="Type">The type name in the workflow JSON.</param>
/// <param name="DisplayName">English display name.</param>
/// <param name="DisplayNameVi">Vietnamese display name.</param>
/// <param name="Category">Palette group.</param>
/// <param name="Description">One-sentence description.</param>
/// <param name="Icon">Icon name, if any.</param>
/// <param name="Inputs">Inputs in designer order.</param>
/// <param name="Outputs">Outputs.</param>
/// <param name="Outcomes">Outcome ports the activity can complete with.</param>
/// <param name="OutcomesProperty">The plain JSON property that lists the outcomes when they vary per activity (a human task's <c>outcomes</c>).</param>
/// <param name="HasDynamicOutcomes">True when the outcomes depend on the activity's JSON in a way only the engine knows (switch cases, fork branches).</param>
public sealed record ActivityDescriptor(
    string Type,
    string DisplayName,
    string DisplayNameVi,
    string Category,
    string? Description,
    string? Icon,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<OutputDescriptor> Outputs,
    IReadOnlyList<string> Outcomes,
    string? OutcomesProperty = null,
    bool HasDynamicOutcomes = false)
{
    /// <summary>Derives the descriptor of an activity class from its <see cref="ActivityAttribute"/> and property attributes.</summary>
    /// <param name="activityType">A concrete subclass of <see cref="ActivityBase"/>.</param>
    /// <exception cref="ArgumentException">The class has no <see cref="ActivityAttribute"/> (a programming error).</exception>
    public static ActivityDescriptor FromType(Type activityType)
    {
        ArgumentNullException.ThrowIfNull(activityType);
        var activity = activityType.GetCustomAttribute<ActivityAttribute>()
            ?? throw new ArgumentException($"{activityType.FullName} has no [Activity] attribute.", nameof(activityType));
        var outcomesAttribute = activityType.GetCustomAttribute<OutcomesAttribute>();
        var outcomes = outcomesAttribute?.Outcomes ?? ["Done"];
        var inputs = new List<InputDescriptor>();
        var outputs = new List<OutputDescriptor>();
        foreach (var property in activityType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<InputAttribute>() is { } input)
            {
                inputs.Add(new InputDescriptor(
                    CamelCase(property.Name),
                    TypeAlias(property.PropertyType),
                    input.DisplayName ?? property.Name,
                    input.DisplayNameVi ?? input.DisplayName ?? property.Name,
                    input.Description,
                    input.UiHint,
                    input.Order,
                    input.DefaultValue,
                    input.IsPlain));
            }
            else if (property.GetCustomAttribute<OutputAttribute>() is { } output)
            {
                outputs.Add(new OutputDescriptor(CamelCase(property.Name), TypeAlias(property.PropertyType), output.DisplayName ?? property.Name, output.Description));
            }
        }

        var shortName = activity.Type[(activity.Type.LastIndexOf('.') + 1)..];
        var displayName = activity.DisplayName ?? shortName;
        return new ActivityDescriptor(
            activity.Type,
            displayName,
            activity.DisplayNameVi ?? displayName,
            activity.Category,
            activity.Description,
            activity.Icon,
            inputs.OrderBy(x => x.Order).ToList(),
            outputs,
            outcomes.ToList(),
            outcomesAttribute?.FromProperty);
    }

    /// <summary>The JSON property name of a CLR property (<c>SlaDays</c> → <c>slaDays</c>).</summary>
    /// <param name="name">A PascalCase name.</param>
    public static string CamelCase(string name) =>
        string.IsNullOrEmpty(name) || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>The Elsa type alias of a CLR type (<c>String</c>, <c>Int32</c>, <c>Decimal</c>, <c>Object</c>, …).</summary>
    /// <param name="type">The CLR type.</param>
    public static string TypeAlias(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsArray)
        {
            return TypeAlias(underlying.GetElementType()!) + "[]";
        }

        return System.Type.GetTypeCode(underlying) switch
        {
            TypeCode.String => "String",
            TypeCode.Boolean => "Boolean",
            TypeCode.Int32 => "Int32",
            TypeCode.Int64 => "Int64",
            TypeCode.Double => "Double",
            TypeCode.Decimal => "Decimal",
            TypeCode.DateTime => "DateTime",
            _ when underlying == typeof(TimeSpan) => "TimeSpan",
            _ when underlying == typeof(DateTimeOffset) => "DateTimeOffset",
            _ => "Object",
        };
    }
}

/// <summary>One input of an activity, as the designer's property panel shows it.</summary>
/// <param name="Name">camelCase JSON name.</param>
/// <param name="TypeName">Elsa type alias (<c>String</c>, <c>Double</c>, <c>Object</c>).</param>
/// <param name="DisplayName">English label.</param>
/// <param name="DisplayNameVi">Vietnamese label.</param>
/// <param name="Description">Help text.</param>
/// <param name="UiHint">Editor name, one of <see cref="UiHints"/>.</param>
/// <param name="Order">Sort key.</param>
/// <param name="DefaultValue">Value used when unset.</param>
/// <param name="IsPlain">True when stored as plain JSON rather than a wrapped expression.</param>
public sealed record InputDescriptor(
    string Name,
    string TypeName,
    string DisplayName,
    string DisplayNameVi,
    string? Description,
    string UiHint,
    int Order,
    object? DefaultValue,
    bool IsPlain = false);

/// <summary>One output of an activity.</summary>
/// <param name="Name">camelCase JSON name.</param>
/// <param name="TypeName">Elsa type alias.</param>
/// <param name="DisplayName">English label.</param>
/// <param name="Description">What it holds.</param>
public sealed record OutputDescriptor(string Name, string TypeName, string DisplayName, string? Description);
