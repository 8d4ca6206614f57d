using System.Text;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Tests.Workflows.Expressions;

public sealed class ExpressionTests
{
    [Theory]
    [InlineData("Literal", "\"True\"", "Boolean", "True")]
    [InlineData("Literal", "42", "String", "42")]
    [InlineData("Object", "\"{\\\"a\\\":[1,2]}\"", "Object", "{\"a\":[1,2]}")]
    [InlineData("Json", "\"[\\\"x\\\"]\"", "String[]", "[\"x\"]")]
    [InlineData("Variable", "{ \"id\": \"v1\", \"name\": \"Name\" }", "String", "Lan")]
    [InlineData("Variable", "\"Name\"", "String", "Lan")]
    [InlineData("Input", "\"dossierCode\"", "String", "HN-2026-000123")]
    [InlineData("JavaScript", "\"variables.Name + ' ' + getInput('fee')\"", "String", "Lan 135000")]
    [InlineData("JavaScript", "\"getResultFromDecide()\"", "String", "True")]
    [InlineData("JavaScript", "\"setName('Mai'); return getName();\"", "String", "Mai")]
    [InlineData("JavaScript", "\"variables.Name = 'Mai'; return variables.Name + getName();\"", "String", "MaiLan")]
    [InlineData("JavaScript", "\"return { fee: getFee(), level: getServiceLevel() };\"", "Object", "{\"fee\":135000,\"level\":4}")]
    [InlineData("JavaScript", "\"getOutputFrom('decide', 'result')\"", "String", "True")]
    [InlineData("Liquid", "\"{{ Variables.Name | upcase }} {{ Input.fee }}\"", "String", "LAN 135000")]
    public async Task Each_expression_type_evaluates_to_the_declared_type(string type, string valueJson, string typeName, string expected)
    {
        var json = $$"""
            { "name": "expr", "variables": [ { "id": "v1", "name": "Name", "typeName": "String", "value": "Lan" }, { "id": "v2", "name": "Out", "typeName": "Object" } ],
              "root": { "id": "root", "type": "Elsa.Sequence", "activities": [
                { "id": "decide", "name": "Decide", "type": "Elsa.If", "condition": { "typeName": "Boolean", "expression": { "type": "Literal", "value": true } } },
                { "id": "set", "type": "Elsa.SetVariable", "variable": { "id": "v2" }, "value": { "typeName": "{{typeName}}", "expression": { "type": "{{type}}", "value": {{valueJson}} } } },
                { "id": "w", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Variable", "value": { "id": "v2" } } } } ] } }
            """;
        var workflow = WorkflowTestKit.CompileBytes(Encoding.UTF8.GetBytes(json), "expr.json");

        var result = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier(fee: 135000));

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal([expected], result.State.LogLines);
    }
}
