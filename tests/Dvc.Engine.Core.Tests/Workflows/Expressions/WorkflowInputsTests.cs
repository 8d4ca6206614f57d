using System.Text;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Tests.Workflows.Expressions;

/// <summary>Declared workflow inputs and outputs, read and written the ways Elsa offers, and checked when the workflow compiles.</summary>
public sealed class WorkflowInputsTests
{
    [Fact]
    public async Task A_declared_input_is_read_by_getInput_by_its_own_accessor_and_by_Liquid()
    {
        var workflow = Compile("""
            { "inputs": [ { "name": "ProductId", "type": "Int32" } ],
              "root": { "id": "s", "type": "Elsa.Sequence", "activities": [
                { "id": "a", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "JavaScript", "value": "`${getInput('ProductId') + 1}`" } } },
                { "id": "b", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "JavaScript", "value": "`${getProductId() * 2}`" } } },
                { "id": "c", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Liquid", "value": "Sản phẩm {{ Input.ProductId }}" } } } ] } }
            """);

        var fromSubmission = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier(new { ProductId = "7" }));
        var fromRunInput = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier(), input: new JsonObject { ["ProductId"] = 5 });

        Assert.Equal(["8", "14", "Sản phẩm 7"], fromSubmission.State.LogLines);
        Assert.Equal(["6", "10", "Sản phẩm 5"], fromRunInput.State.LogLines);
    }

    [Fact]
    public void Calling_the_accessor_of_an_undeclared_input_is_a_compile_error_at_the_script()
    {
        var result = CompileResult("""
            { "root": { "id": "flow", "type": "Elsa.Flowchart", "activities": [
              { "id": "set", "type": "Elsa.SetOutput", "outputName": { "typeName": "String", "expression": { "type": "Literal", "value": "Output1" } },
                "outputValue": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "return getInput1()" } } } ] } }
            """);

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal((WorkflowDiagnostics.UndefinedAccessor, "/root/activities/0/outputValue/expression/value"), (error.Code, error.JsonPointer));
        Assert.Contains("getInput1()", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("JavaScript", "getInput('Missing')")]
    [InlineData("Liquid", "{{ Input.Missing }}")]
    public void Reading_an_undeclared_input_by_name_is_a_warning(string language, string expression)
    {
        var result = CompileResult($$"""
            { "inputs": [ { "name": "Present", "type": "String" } ],
              "root": { "id": "w", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "{{language}}", "value": "{{expression}}" } } } }
            """);

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((WorkflowDiagnostics.UndeclaredInput, DiagnosticSeverityWarning), (warning.Code, warning.Severity));
        Assert.Contains("'Missing'", warning.Message, StringComparison.Ordinal);
        Assert.True(result.Success);
    }

    [Fact]
    public void The_dossier_inputs_and_variables_need_no_declaration()
    {
        var result = CompileResult("""
            { "variables": [ { "id": "v1", "name": "Counter", "typeName": "Int32", "value": "0" } ],
              "root": { "id": "w", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "JavaScript",
                "value": "`${getInput('fee')} ${getData().name} ${getCounter()} ${getVariable('Counter')} ${getDossierCode()}`" } } } }
            """);

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Setting_an_output_the_workflow_does_not_declare_is_a_warning()
    {
        var result = CompileResult("""
            { "outputs": [ { "name": "Total", "type": "Decimal" } ],
              "root": { "id": "set", "type": "Elsa.SetOutput", "outputName": { "typeName": "String", "expression": { "type": "Literal", "value": "Totl" } },
                "outputValue": { "typeName": "Object", "expression": { "type": "Literal", "value": "1" } } } }
            """);

        Assert.Equal(WorkflowDiagnostics.UndeclaredOutput, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void A_run_javascript_script_that_does_not_parse_is_a_compile_error()
    {
        var result = CompileResult("""
            { "root": { "id": "js", "type": "Elsa.RunJavaScript", "script": { "typeName": "String", "expression": { "type": "Literal", "value": "return unclosedBracket(;" } } } }
            """);

        Assert.Equal(WorkflowDiagnostics.JavaScriptSyntax, Assert.Single(result.Diagnostics, d => d.IsError).Code);
    }

    [Fact]
    public async Task A_run_javascript_script_failing_when_it_runs_faults_the_instance()
    {
        var workflow = Compile("""
            { "root": { "id": "js", "type": "Elsa.RunJavaScript", "script": { "typeName": "String", "expression": { "type": "Literal", "value": "undefined.property.access" } } } }
            """);

        var result = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier());

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal("js", result.State.Fault!.ActivityId);
    }

    private const Dvc.Engine.Core.Definitions.DiagnosticSeverity DiagnosticSeverityWarning = Dvc.Engine.Core.Definitions.DiagnosticSeverity.Warning;

    private static CompiledWorkflow Compile(string json)
    {
        var result = CompileResult(json);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Workflow!;
    }

    private static WorkflowCompileResult CompileResult(string json) => WorkflowCompiler.Compile(Encoding.UTF8.GetBytes(json), "w.json", WorkflowCompileContext.Default);
}
