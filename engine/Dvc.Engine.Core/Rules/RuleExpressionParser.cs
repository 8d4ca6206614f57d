using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using DvcFunctions = Dvc.Engine.Core.Rules.Functions.Dvc;

namespace Dvc.Engine.Core.Rules;

/// <summary>
/// Parses rule expressions the way RulesEngine will (same custom types, same case rules) but stricter: no fallback from a
/// missing property to the dynamic indexer, so <c>input.missingField</c> is an error, and every tree goes through the sandbox.
/// </summary>
internal sealed partial class RuleExpressionParser
{
    private readonly ParsingConfig _config;
    private readonly RuleInputType _inputType;
    private readonly int _maxLength;

    public RuleExpressionParser(RuleInputType inputType, int maxLength = 4_000)
    {
        _inputType = inputType;
        _maxLength = maxLength;
        _config = new ParsingConfig
        {
            CustomTypeProvider = new RulesEngine.CustomTypeProvider([typeof(DvcFunctions)]),
            DisableMemberAccessToIndexAccessorFallback = true,
            AllowNewToEvaluateAnyType = false,
            AllowEqualsAndToStringMethodsOnObject = false,
            IsCaseSensitive = false,
            LoadAdditionalAssembliesFromCurrentDomainBaseDirectory = false,
            SupportEnumerationsFromSystemNamespace = false,
        };
    }

    public ParameterExpression Input => field ??= Expression.Parameter(_inputType.Type, "input");

    public ParameterExpression Context { get; } = Expression.Parameter(typeof(RuleContext), "ctx");

    /// <summary>
    /// Parses one expression over <c>input</c>, <c>ctx</c> and any scoped params; <paramref name="resultType"/> null lets the
    /// expression pick. <paramref name="meteredParams"/> are the scoped params that hold sequences over repeated fields.
    /// </summary>
    public ParsedExpression Parse(string expression, IReadOnlyList<ParameterExpression> scoped, Type? resultType, IReadOnlySet<ParameterExpression>? meteredParams = null)
    {
        if (expression.Length > _maxLength)
        {
            return new ParsedExpression(null, [], new RuleParseError(false, $"it is {expression.Length:N0} characters long; at most {_maxLength:N0} are allowed (split it with LocalParams)"), -1, []);
        }

        ParameterExpression[] parameters = [Input, Context, .. scoped];
        LambdaExpression lambda;
        try
        {
            lambda = DynamicExpressionParser.ParseLambda(_config, parameters, resultType, expression);
        }
        catch (ParseException ex)
        {
            return Failure(expression, ex.Message, ex.Position);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException or InvalidCastException)
        {
            return Failure(expression, ex.Message, -1);
        }

        var (violations, reads, metered) = RuleSandbox.Check(lambda.Body, _inputType.GeneratedTypes, Input, meteredParams);
        return new ParsedExpression(lambda, reads, null, -1, violations, metered);
    }

    private ParsedExpression Failure(string expression, string message, int position)
    {
        var match = UnknownMember().Match(message);
        var pointer = match.Success && _inputType.PointerOf(match.Groups["type"].Value) is { } owner
            ? Definitions.JsonPointer.Append(owner, match.Groups["name"].Value)
            : UnknownTypeName().Match(message) is { Success: true } type ? MissingGroup(expression, type.Groups["name"].Value) : null;
        return pointer is not null
            ? new ParsedExpression(null, [], new RuleParseError(true, $"the form has no field '{pointer}'"), position, [])
            : new ParsedExpression(null, [], new RuleParseError(false, message), position, []);
    }

    /// <summary>
    /// The parser reads <c>input.applicant.birthDate</c> with no <c>applicant</c> group as a type name and says "Type 'applicant'
    /// not found"; this finds the <c>input.…</c> path that names it and the form pointer the author meant.
    /// </summary>
    private string? MissingGroup(string expression, string name)
    {
        foreach (Match path in InputPath().Matches(expression))
        {
            var segments = path.Groups["path"].Value.Split('.', StringSplitOptions.TrimEntries);
            var type = _inputType.Type;
            for (var i = 0; i < segments.Length; i++)
            {
                var property = type.GetProperty(segments[i], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                if (property is null)
                {
                    if (!segments[i].Equals(name, StringComparison.OrdinalIgnoreCase) || _inputType.PointerOf(type.Name) is not { } owner)
                    {
                        break;
                    }

                    return Definitions.JsonPointer.Append(owner, segments[i]);
                }

                type = property.PropertyType;
            }
        }

        return null;
    }

    [GeneratedRegex("No property or field '(?<name>[^']+)' exists in type '(?<type>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownMember();

    [GeneratedRegex("Type '(?<name>[^']+)' not found", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownTypeName();

    [GeneratedRegex(@"\binput\s*\.\s*(?<path>[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex InputPath();
}
