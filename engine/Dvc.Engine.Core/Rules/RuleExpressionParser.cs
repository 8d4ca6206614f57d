using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
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
            return Failure(ex.Message, ex.Position);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException or InvalidCastException)
        {
            return Failure(ex.Message, -1);
        }

        var (violations, reads, metered) = RuleSandbox.Check(lambda.Body, _inputType.GeneratedTypes, Input, meteredParams);
        return new ParsedExpression(lambda, reads, null, -1, violations, metered);
    }

    private ParsedExpression Failure(string message, int position)
    {
        var match = UnknownMember().Match(message);
        if (match.Success)
        {
            var pointer = _inputType.PointerOf(match.Groups["type"].Value);
            if (pointer is not null)
            {
                return new ParsedExpression(null, [], new RuleParseError(true, $"the form has no field '{Definitions.JsonPointer.Append(pointer, match.Groups["name"].Value)}'"), position, []);
            }
        }

        return new ParsedExpression(null, [], new RuleParseError(false, message), position, []);
    }

    [GeneratedRegex("No property or field '(?<name>[^']+)' exists in type '(?<type>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownMember();
}
