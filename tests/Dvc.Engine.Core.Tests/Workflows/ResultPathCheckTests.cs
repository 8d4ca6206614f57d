using System.Text;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Tests.Fixtures;
using Dvc.Engine.Core.Workflows;

namespace Dvc.Engine.Core.Tests.Workflows;

/// <summary>Issue 13, §3: a procedure's workflow path that finishes without Dvc.IssueResult is a warning at its last activity.</summary>
public sealed class ResultPathCheckTests
{
    private static readonly WorkflowCompileContext Procedure = new(["chuyen-vien"], ActivityRegistry.CreateDefault(), Templates: ["result", "rejection"], RulesWorkflows: []);

    [Fact]
    public void A_reject_outcome_with_no_connection_is_a_warning_on_its_task()
    {
        var result = Compile(
            """{ "id": "approve", "type": "Dvc.HumanTask", "role": "chuyen-vien", "outcomes": ["Approve", "Reject"] }, { "id": "issue", "type": "Dvc.IssueResult", "template": "result" }""",
            """{ "source": { "activity": "approve", "port": "Approve" }, "target": { "activity": "issue", "port": "In" } }""");

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((WorkflowDiagnostics.PathWithoutResult, DiagnosticSeverity.Warning, "/root/activities/1"), (warning.Code, warning.Severity, warning.JsonPointer));
        Assert.True(result.Success);
    }

    [Fact]
    public void A_reject_branch_that_only_notifies_and_ends_is_a_warning_on_its_end()
    {
        var result = Compile(
            """
            { "id": "approve", "type": "Dvc.HumanTask", "role": "chuyen-vien", "outcomes": ["Approve", "Reject"] },
            { "id": "issue", "type": "Dvc.IssueResult", "template": "result" },
            { "id": "notify", "type": "Dvc.Notify", "template": "rejection" },
            { "id": "end", "type": "Elsa.End" }
            """,
            """
            { "source": { "activity": "approve", "port": "Approve" }, "target": { "activity": "issue", "port": "In" } },
            { "source": { "activity": "approve", "port": "Reject" }, "target": { "activity": "notify", "port": "In" } },
            { "source": { "activity": "notify", "port": "Done" }, "target": { "activity": "end", "port": "In" } }
            """);

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((WorkflowDiagnostics.PathWithoutResult, "/root/activities/4"), (warning.Code, warning.JsonPointer));
    }

    [Fact]
    public void An_expired_supplement_or_payment_ends_as_a_cancellation_without_a_warning()
    {
        var result = Compile(
            """
            { "id": "approve", "type": "Dvc.HumanTask", "role": "chuyen-vien", "outcomes": ["Approve", "RequestSupplement"] },
            { "id": "supplement", "type": "Dvc.WaitForSupplement" },
            { "id": "pay", "type": "Dvc.RequestPayment" },
            { "id": "issue", "type": "Dvc.IssueResult", "template": "result" },
            { "id": "cancelled", "type": "Dvc.Notify", "template": "rejection" }
            """,
            """
            { "source": { "activity": "approve", "port": "Approve" }, "target": { "activity": "pay", "port": "In" } },
            { "source": { "activity": "approve", "port": "RequestSupplement" }, "target": { "activity": "supplement", "port": "In" } },
            { "source": { "activity": "supplement", "port": "Supplemented" }, "target": { "activity": "approve", "port": "In" } },
            { "source": { "activity": "supplement", "port": "Expired" }, "target": { "activity": "cancelled", "port": "In" } },
            { "source": { "activity": "pay", "port": "Paid" }, "target": { "activity": "issue", "port": "In" } },
            { "source": { "activity": "pay", "port": "Failed" }, "target": { "activity": "cancelled", "port": "In" } },
            { "source": { "activity": "pay", "port": "Expired" }, "target": { "activity": "cancelled", "port": "In" } }
            """);

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_workflow_compiled_on_its_own_is_not_checked()
    {
        var json = WorkflowCompilerTests.Flowchart(
            """{ "id": "approve", "type": "Dvc.HumanTask", "outcomes": ["Approve", "Reject"] }""",
            """{ "source": { "activity": "start", "port": "Done" }, "target": { "activity": "approve", "port": "In" } }""");

        var result = WorkflowCompiler.Compile(Encoding.UTF8.GetBytes(json), "workflow.json", WorkflowCompileContext.Default);

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Every_shipped_procedure_ends_each_path_with_a_result_or_a_cancellation()
    {
        var catalog = new ProcedureCompiler().CompileCatalog(Repository.Definitions());

        Assert.DoesNotContain(catalog.AllDiagnostics, d => d.Code == WorkflowDiagnostics.PathWithoutResult);
    }

    private static WorkflowCompileResult Compile(string activities, string connections) =>
        WorkflowCompiler.Compile(
            Encoding.UTF8.GetBytes(WorkflowCompilerTests.Flowchart(activities, """{ "source": { "activity": "start", "port": "Done" }, "target": { "activity": "approve", "port": "In" } }""" + (connections.Length > 0 ? "," + connections : string.Empty))),
            "workflow.json",
            Procedure);
}
