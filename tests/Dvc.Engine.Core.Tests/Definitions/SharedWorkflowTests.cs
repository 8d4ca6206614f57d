using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Tests.Fixtures;
using Dvc.Engine.Core.Workflows;

namespace Dvc.Engine.Core.Tests.Definitions;

/// <summary>
/// A procedure's workflow calls workflows kept once in <c>shared/workflows/</c> (or in its own <c>workflows/</c>): they
/// are compiled with it, pinned by version and content, and their mistakes are reported where they are.
/// </summary>
public sealed class SharedWorkflowTests : IDisposable
{
    private const string SharedReview = "shared/workflows/officer-review.json";
    private readonly FixtureCatalog _catalog = new();

    public SharedWorkflowTests()
    {
        _catalog.Write(SharedReview, Review("Approved"));
        _catalog.EditJson("workflow.json", workflow =>
        {
            var activities = workflow["root"]!["activities"]!.AsArray();
            activities[1] = JsonNode.Parse("""
                { "id": "reception", "type": "OfficerReview", "version": 1, "workflowDefinitionId": "officer-review",
                  "role": { "typeName": "String", "expression": { "type": "Literal", "value": "tiep-nhan" } } }
                """);
            workflow["root"]!["connections"]![1]!["source"]!["port"] = "Approved";
        });
    }

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void A_procedure_calling_a_shared_workflow_compiles_and_pins_its_version()
    {
        var procedure = _catalog.CompileValid();

        var pin = Assert.Single(procedure.Workflow!.SubWorkflows);
        Assert.Equal(("officer-review", 1, SharedReview), (pin.DefinitionId, pin.Version, pin.File));
        Assert.Contains("reception/task", procedure.Workflow.ActivityIds);
    }

    [Fact]
    public void Changing_a_shared_workflow_makes_a_new_procedure_version()
    {
        var before = _catalog.CompileValid().ContentHash;

        _catalog.Write(SharedReview, Review("Approved").Replace("Officer review", "Officer review, second edition", StringComparison.Ordinal));
        var after = _catalog.CompileValid().ContentHash;

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void A_procedures_own_workflow_hides_the_shared_one_with_the_same_definition_id()
    {
        _catalog.Write(FixtureCatalog.ProcedureFolder + "/workflows/officer-review.json", Review("Approved").Replace("\"version\": 1", "\"version\": 7", StringComparison.Ordinal));

        var procedure = _catalog.CompileValid();

        Assert.Equal((7, FixtureCatalog.ProcedureFolder + "/workflows/officer-review.json"), (procedure.Workflow!.SubWorkflows[0].Version, procedure.Workflow.SubWorkflows[0].File));
    }

    [Fact]
    public void A_mistake_in_a_shared_workflow_stops_the_procedure_and_is_reported_in_the_shared_file()
    {
        _catalog.Write(SharedReview, Review("Approved").Replace("getRole()", "getRoel()", StringComparison.Ordinal));

        var compilation = _catalog.Compile();

        Assert.Null(compilation.Procedure);
        var error = Assert.Single(compilation.Diagnostics, d => d.IsError);
        Assert.Equal((WorkflowDiagnostics.UndefinedAccessor, SharedReview), (error.Code, error.File));
    }

    [Fact]
    public void A_shared_workflows_warnings_are_reported_once_for_the_catalog_not_once_per_procedure()
    {
        _catalog.Write(SharedReview, Review("Approved").Replace("{ \"id\": \"done\"", "{ \"id\": \"lost\", \"type\": \"Elsa.WriteLine\" }, { \"id\": \"done\"", StringComparison.Ordinal));
        _catalog.AddCopy("HN-TEST-002");

        var catalog = new ProcedureCompiler().CompileCatalog(_catalog.Root);

        Assert.Single(catalog.AllDiagnostics, d => d.File == SharedReview && d.Code == WorkflowDiagnostics.UnreachableActivity);
        Assert.Equal(2, catalog.Compiled.Count());
    }

    /// <summary>An officer review usable as an activity: the task's Approve completes it with <paramref name="outcome"/>.</summary>
    private static string Review(string outcome) => $$"""
        { "id": "officer-review-v1", "definitionId": "officer-review", "name": "OfficerReview", "description": "Officer review", "version": 1,
          "inputs": [ { "name": "role", "type": "String" } ], "outcomes": [ "{{outcome}}" ], "options": { "usableAsActivity": true },
          "root": { "id": "flow", "type": "Elsa.Flowchart", "activities": [
            { "id": "task", "type": "Dvc.HumanTask", "role": { "typeName": "String", "expression": { "type": "JavaScript", "value": "getRole()" } }, "outcomes": [ "Approve" ] },
            { "id": "done", "type": "Elsa.Complete", "outcomes": { "typeName": "Object", "expression": { "type": "Literal", "value": "{{outcome}}" } } } ],
            "connections": [ { "source": { "activity": "task", "port": "Approve" }, "target": { "activity": "done", "port": "In" } } ] } }
        """;
}
