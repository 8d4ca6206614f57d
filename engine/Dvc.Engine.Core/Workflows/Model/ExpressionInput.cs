using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Workflows.Model;

/// <summary>
/// A wrapped Elsa input, <c>{ "typeName", "expression": { "type", "value" } }</c>, or a bare expression such as a
/// FlowSwitch case condition. A primitive JSON value or a missing <c>expression.type</c> reads as Literal.
/// </summary>
/// <param name="Name">The property name as written in the JSON.</param>
/// <param name="TypeName">The Elsa type alias (<c>String</c>, <c>Boolean</c>), null when absent.</param>
/// <param name="ExpressionType">Literal, Object, Json, Variable, JavaScript, Liquid, CSharp, …</param>
/// <param name="Value">The expression's value as JSON (a string for scripts).</param>
/// <param name="Pointer">JSON pointer of the input in the file.</param>
/// <param name="IsBare">True for a bare <c>{type, value}</c> expression (a FlowSwitch case condition).</param>
public sealed record ExpressionInput(string Name, string? TypeName, string ExpressionType, JsonNode? Value, string Pointer, bool IsBare = false)
{
    /// <summary>The pointer of the expression's type field, for diagnostics about the type.</summary>
    public string TypePointer => Pointer + (IsBare ? "/type" : "/expression/type");

    /// <summary>The pointer of the expression's value, for diagnostics about the script.</summary>
    public string ValuePointer => Pointer + (IsBare ? "/value" : "/expression/value");
}
