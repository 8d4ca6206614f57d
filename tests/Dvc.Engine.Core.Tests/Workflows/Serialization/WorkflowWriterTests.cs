using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Core.Workflows.Model;
using Dvc.Engine.Core.Workflows.Serialization;

namespace Dvc.Engine.Core.Tests.Workflows.Serialization;

public sealed class WorkflowWriterTests
{
    [Theory]
    [InlineData("decision-javascript.json")]
    [InlineData("loop-flat-connections.json")]
    [InlineData("flow-switch.json")]
    [InlineData("sequence-variables.json")]
    [InlineData("event-output-variable.json")]
    [InlineData("fork-wait-all.json")]
    public void Read_write_read_keeps_the_same_meaning_and_the_designer_metadata(string file)
    {
        var first = Read(WorkflowTestKit.Load(file));

        var written = WorkflowWriter.Write(first);
        var second = Read(written);

        Assert.True(JsonNode.DeepEquals(first.Json, second.Json));
        Assert.Equal(Describe(first), Describe(second));
    }

    [Fact]
    public void Normalizing_rewrites_flat_connections_into_the_current_shape_with_the_same_graph()
    {
        var flat = Read(WorkflowTestKit.Load("loop-flat-connections.json"));

        var normalized = Read(WorkflowWriter.Write(flat, normalize: true));

        Assert.Equal(Connections(flat), Connections(normalized));
        var first = (JsonObject)normalized.Root.Json["connections"]![0]!;
        Assert.Equal("Start1", first["source"]!["activity"]!.GetValue<string>());
        Assert.Equal("Done", first["source"]!["port"]!.GetValue<string>());
    }

    [Fact]
    public void Designer_positions_and_unknown_fields_survive_a_round_trip()
    {
        var json = """
            { "name": "x", "customField": { "keep": [1, 2] },
              "root": { "id": "root", "type": "Elsa.Flowchart",
                "activities": [ { "id": "a", "type": "Acme.Unknown", "whatever": { "deep": true },
                                  "metadata": { "designer": { "position": { "x": 12.5, "y": -40 } } } } ],
                "connections": { "$values": [] } } }
            """u8.ToArray();

        var document = WorkflowCompiler.Compile(json, "x.json", WorkflowCompileContext.Default).Document!;
        var back = JsonNode.Parse(WorkflowWriter.Write(document))!;

        Assert.Equal(12.5, back["root"]!["activities"]![0]!["metadata"]!["designer"]!["position"]!["x"]!.GetValue<double>());
        Assert.True(back["root"]!["activities"]![0]!["whatever"]!["deep"]!.GetValue<bool>());
        Assert.Equal(2, back["customField"]!["keep"]!.AsArray().Count);
    }

    [Fact]
    public void PascalCase_names_and_wrapped_connection_lists_are_read()
    {
        var json = """
            { "Name": "x", "Root": { "Id": "root", "Type": "Elsa.Flowchart",
                "Activities": { "$values": [
                  { "Id": "a", "Type": "Elsa.WriteLine", "Text": { "TypeName": "String", "Expression": { "Type": "Literal", "Value": "hi" } } },
                  { "Id": "b", "Type": "Elsa.WriteLine", "Text": "primitive becomes a literal" } ] },
                "Connections": { "$values": [ { "Source": { "Activity": "a", "Port": "Done" }, "Target": { "Activity": "b", "Port": "In" } } ] } } }
            """u8.ToArray();

        var result = WorkflowCompiler.Compile(json, "x.json", WorkflowCompileContext.Default);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal(["a", "b"], result.Document!.Root.Slot("Activities").Select(x => x.Id));
        Assert.Equal(("a", "Done", "b"), (result.Document.Root.Connections[0].SourceId, result.Document.Root.Connections[0].SourcePort, result.Document.Root.Connections[0].TargetId));
        Assert.Equal("Literal", result.Document.Root.Slot("Activities")[0].Inputs["text"].ExpressionType);
    }

    [Fact]
    public void An_embedded_variable_is_a_plain_property_and_an_output_is_a_binding_not_inputs()
    {
        var document = Read(WorkflowTestKit.Load("event-output-variable.json"));
        var loop = Read(WorkflowTestKit.Load("loop-flat-connections.json"));

        var setVariable = loop.AllActivities().Single(a => a.Id == "SetVariable1");
        var eventActivity = document.AllActivities().Single(a => a.Id == "ev");

        Assert.Equal(["value"], setVariable.Inputs.Keys);
        Assert.Equal("v-payload", eventActivity.OutputBindings["result"]);
        Assert.DoesNotContain("result", eventActivity.Inputs.Keys);
    }

    private static WorkflowDocument Read(byte[] json) => WorkflowCompiler.Compile(json, "x.json", WorkflowCompileContext.Default).Document!;

    private static string Describe(WorkflowDocument document) => string.Join(
        "\n",
        document.AllActivities().Select(a =>
            $"{a.Pointer} {a.Id} {a.Type} inputs[{string.Join(",", a.Inputs.Values.Select(i => $"{i.Name}:{i.ExpressionType}:{i.Value?.ToJsonString()}"))}] " +
            $"outputs[{string.Join(",", a.OutputBindings.Select(o => o.Key + "->" + o.Value))}] {Connections(a)}"));

    private static string Connections(WorkflowDocument document) => Connections(document.Root);

    private static string Connections(ActivityNode node) => string.Join(";", node.Connections.Select(c => $"{c.SourceId}:{c.SourcePort}->{c.TargetId}"));
}
