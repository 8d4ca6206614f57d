using System.Text;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Workflows;

namespace Dvc.Engine.Core.Tests.Workflows;

public sealed class WorkflowCompilerTests
{
    private static readonly WorkflowCompileContext Procedure = new(["chuyen-vien", "lanh-dao"], ActivityRegistry.CreateDefault(), Templates: ["result", "issued"], RulesWorkflows: ["eligibility"]);

    public static TheoryData<string, string, string, string, string> Problems => new()
    {
        {
            "unknown activity type",
            """{ "id": "http", "type": "Elsa.HttpEndpoint", "path": { "typeName": "String", "expression": { "type": "Literal", "value": "/x" } } }""",
            "",
            WorkflowDiagnostics.UnknownActivityType, "/root/activities/1/type"
        },
        {
            "C# expression",
            """{ "id": "w", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "CSharp", "value": "return 1;" } } }""",
            "",
            WorkflowDiagnostics.UnsupportedExpression, "/root/activities/1/text/expression/type"
        },
        {
            "Python expression",
            """{ "id": "w", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Python", "value": "1" } } }""",
            "",
            WorkflowDiagnostics.UnsupportedExpression, "/root/activities/1/text/expression/type"
        },
        {
            "connection to a missing activity",
            """{ "id": "w", "type": "Elsa.WriteLine" }""",
            """{ "source": { "activity": "start", "port": "Done" }, "target": { "activity": "ghost", "port": "In" } }""",
            WorkflowDiagnostics.ConnectionToMissingActivity, "/root/connections/0/target/activity"
        },
        {
            "a decision port that does not exist",
            """{ "id": "d", "type": "Elsa.FlowDecision", "condition": { "typeName": "Boolean", "expression": { "type": "Literal", "value": "true" } } }""",
            """{ "source": { "activity": "start", "port": "Done" }, "target": { "activity": "d", "port": "In" } }, { "source": { "activity": "d", "port": "Yes" }, "target": { "activity": "start", "port": "In" } }""",
            WorkflowDiagnostics.UnknownSourcePort, "/root/connections/1/source/port"
        },
        {
            "a human-task port that is not among its outcomes",
            """{ "id": "h", "type": "Dvc.HumanTask", "role": { "typeName": "String", "expression": { "type": "Literal", "value": "chuyen-vien" } }, "outcomes": ["Approve", "Reject"] }""",
            """{ "source": { "activity": "start", "port": "Done" }, "target": { "activity": "h", "port": "In" } }, { "source": { "activity": "h", "port": "Escalate" }, "target": { "activity": "start", "port": "In" } }""",
            WorkflowDiagnostics.UnknownSourcePort, "/root/connections/1/source/port"
        },
        {
            "a flat connection from a port that does not exist",
            """{ "id": "d", "type": "Elsa.FlowDecision" }""",
            """{ "source": "start", "target": "d", "sourcePort": "Done", "targetPort": "In" }, { "source": "d", "target": "start", "sourcePort": "Maybe", "targetPort": "In" }""",
            WorkflowDiagnostics.UnknownSourcePort, "/root/connections/1/sourcePort"
        },
        {
            "JavaScript that does not parse",
            """{ "id": "d", "type": "Elsa.FlowDecision", "condition": { "typeName": "Boolean", "expression": { "type": "JavaScript", "value": "getX( > 1" } } }""",
            "",
            WorkflowDiagnostics.JavaScriptSyntax, "/root/activities/1/condition/expression/value"
        },
        {
            "a human-task role the procedure does not declare",
            """{ "id": "h", "type": "Dvc.HumanTask", "role": { "typeName": "String", "expression": { "type": "Literal", "value": "ke-toan" } }, "outcomes": ["Approve"] }""",
            "",
            WorkflowDiagnostics.UnknownRole, "/root/activities/1/role/expression/value"
        },
        {
            "a human task without outcomes",
            """{ "id": "h", "type": "Dvc.HumanTask", "role": { "typeName": "String", "expression": { "type": "Literal", "value": "lanh-dao" } } }""",
            "",
            WorkflowDiagnostics.MissingOutcomes, "/root/activities/1"
        },
        {
            "Liquid that does not parse",
            """{ "id": "w", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Liquid", "value": "{{ Variables.x " } } }""",
            "",
            WorkflowDiagnostics.LiquidSyntax, "/root/activities/1/text/expression/value"
        },
        {
            "a duplicate activity id",
            """{ "id": "start", "type": "Elsa.WriteLine" }""",
            "",
            WorkflowDiagnostics.DuplicateActivityId, "/root/activities/1/id"
        },
        {
            "SetVariable of an undeclared variable",
            """{ "id": "s", "type": "Elsa.SetVariable", "variable": { "id": "nope", "name": "Nope", "typeName": "String" }, "value": { "typeName": "Object", "expression": { "type": "Literal", "value": "x" } } }""",
            "",
            WorkflowDiagnostics.UnknownVariable, "/root/activities/1/variable"
        },
        {
            "a result template the procedure does not declare",
            """{ "id": "i", "type": "Dvc.IssueResult", "template": { "typeName": "String", "expression": { "type": "Literal", "value": "giay-phep" } } }""",
            "",
            WorkflowDiagnostics.UnknownProcedurePart, "/root/activities/1/template/expression/value"
        },
        {
            "a rules workflow the procedure does not declare",
            """{ "id": "r", "type": "Dvc.EvaluateRules", "workflowName": { "typeName": "String", "expression": { "type": "Literal", "value": "fees2" } } }""",
            "",
            WorkflowDiagnostics.UnknownProcedurePart, "/root/activities/1/workflowName/expression/value"
        },
        {
            "an activity without a type",
            """{ "id": "w" }""",
            "",
            WorkflowDiagnostics.MissingActivityIdOrType, "/root/activities/1"
        },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void A_bad_definition_is_a_diagnostic_with_code_pointer_and_line(string problem, string activity, string connections, string code, string pointer)
    {
        var json = Flowchart(activity, connections);

        var result = WorkflowCompiler.Compile(Encoding.UTF8.GetBytes(json), "workflow.json", Procedure);

        var diagnostic = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.False(result.Success, problem);
        Assert.Equal((code, pointer), (diagnostic.Code, diagnostic.JsonPointer));
        Assert.Equal("workflow.json", diagnostic.File);
        Assert.Equal(JsonLineMap.Build(Encoding.UTF8.GetBytes(json)).Find(pointer), (diagnostic.Line, diagnostic.Column));
        Assert.True(diagnostic.Line > 1, problem);
    }

    [Fact]
    public void Invalid_json_is_a_diagnostic_not_an_exception()
    {
        var result = WorkflowCompiler.Compile("{ \"root\": { \"id\": "u8.ToArray(), "workflow.json", Procedure);

        Assert.Equal(WorkflowDiagnostics.InvalidJson, Assert.Single(result.Diagnostics).Code);
        Assert.Null(result.Document);
    }

    [Fact]
    public void A_document_without_root_is_reported()
    {
        var result = WorkflowCompiler.Compile("""{ "name": "x" }"""u8.ToArray(), "workflow.json", Procedure);

        Assert.Equal(WorkflowDiagnostics.MissingRoot, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Unknown_activity_type_message_names_the_activity_and_its_line()
    {
        var json = Flowchart("""{ "id": "http", "type": "Elsa.HttpEndpoint" }""", "");

        var diagnostic = Assert.Single(WorkflowCompiler.Compile(Encoding.UTF8.GetBytes(json), "workflow.json", Procedure).Diagnostics, d => d.IsError);

        Assert.Contains("'Elsa.HttpEndpoint'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(7, diagnostic.Line);
        Assert.StartsWith("workflow.json(7,", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_activity_keeps_its_json_and_connections_in_the_document()
    {
        var json = Flowchart(
            """{ "id": "http", "type": "Elsa.HttpEndpoint", "path": "/x", "metadata": { "designer": { "position": { "x": 1, "y": 2 } } } }""",
            """{ "source": { "activity": "start", "port": "Done" }, "target": { "activity": "http", "port": "In" } }""");

        var result = WorkflowCompiler.Compile(Encoding.UTF8.GetBytes(json), "workflow.json", Procedure);

        Assert.NotNull(result.Document);
        var http = result.Document.Root.Slot("activities")[1];
        Assert.Equal("/x", http.Json["path"]!.GetValue<string>());
        Assert.Contains(result.Document.Root.Connections, c => c.TargetId == "http");
    }

    [Fact]
    public void A_valid_workflow_compiles_without_diagnostics()
    {
        var json = Flowchart(
            """
            { "id": "h", "type": "Dvc.HumanTask", "role": { "typeName": "String", "expression": { "type": "Literal", "value": "chuyen-vien" } }, "outcomes": ["Approve", "Reject"] },
            { "id": "issue", "type": "Dvc.IssueResult", "template": "result" },
            { "id": "refuse", "type": "Dvc.IssueResult", "template": "result", "decision": "Rejected" }
            """,
            """
            { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "h", "port": "In" } },
            { "source": { "activity": "h", "port": "Approve" }, "target": { "activity": "issue", "port": "In" } },
            { "source": { "activity": "h", "port": "Reject" }, "target": { "activity": "refuse", "port": "In" } }
            """);

        var result = WorkflowCompiler.Compile(Encoding.UTF8.GetBytes(json), "workflow.json", Procedure);

        Assert.Empty(result.Diagnostics);
        Assert.True(result.Success);
    }

    [Fact]
    public void An_activity_no_connection_reaches_is_a_warning()
    {
        var json = Flowchart("""{ "id": "lonely", "type": "Elsa.WriteLine" }""", """{ "source": { "activity": "start", "port": "Done" }, "target": { "activity": "start2", "port": "In" } }""".Replace("start2", "start", StringComparison.Ordinal));

        var result = WorkflowCompiler.Compile(Encoding.UTF8.GetBytes(json), "workflow.json", Procedure);

        Assert.True(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Code == WorkflowDiagnostics.UnreachableActivity && d.Severity == DiagnosticSeverity.Warning);
    }

    [Fact]
    public void A_loop_edge_that_can_be_bypassed_is_a_compile_error_on_the_connection()
    {
        var json = """
            { "name": "loop", "root": { "id": "root", "type": "Elsa.Flowchart",
              "activities": [ { "id": "start", "type": "Elsa.Start" }, { "id": "a", "type": "Elsa.WriteLine" }, { "id": "b", "type": "Elsa.WriteLine" }, { "id": "c", "type": "Elsa.WriteLine" } ],
              "connections": [
                { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "a", "port": "In" } },
                { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "c", "port": "In" } },
                { "source": { "activity": "a", "port": "Done" }, "target": { "activity": "b", "port": "In" } },
                { "source": { "activity": "c", "port": "Done" }, "target": { "activity": "b", "port": "In" } },
                { "source": { "activity": "b", "port": "Done" }, "target": { "activity": "a", "port": "In" } } ] } }
            """u8.ToArray();

        var result = WorkflowCompiler.Compile(json, "loop.json", Procedure);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((WorkflowDiagnostics.InvalidBackEdge, "/root/connections/4"), (diagnostic.Code, diagnostic.JsonPointer));
        Assert.Equal(8, diagnostic.Line);
    }

    /// <summary>A flowchart whose first activity is <c>start</c>; the given activity is at <c>/root/activities/1</c> on line 7.</summary>
    internal static string Flowchart(string activity, string connections) => $$"""
        {
          "name": "test",
          "root": {
            "id": "root", "type": "Elsa.Flowchart",
            "activities": [
              { "id": "start", "type": "Elsa.Start" },
              {{activity}}
            ],
            "connections": [
              {{connections}}
            ]
          }
        }
        """;
}
