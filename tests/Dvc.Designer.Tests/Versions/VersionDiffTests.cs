using System.Text.Json.Nodes;
using Dvc.Designer.Tests.Infrastructure;
using Dvc.Designer.Versions;

namespace Dvc.Designer.Tests.Versions;

public sealed class VersionDiffTests
{
    [Fact]
    public void A_relabelled_field_and_a_changed_rule_are_named_readably()
    {
        var before = Definitions.Procedure("HN-TP-002");
        var after = new Dictionary<string, string>(before);
        var form = JsonNode.Parse(after["form.schema.json"])!;
        form["properties"]!["spouseName"]!["x-ui"]!["label"]!["vi"] = "Họ tên vợ/chồng";
        after["form.schema.json"] = form.ToJsonString();
        var rules = JsonNode.Parse(after["rules.json"])!;
        rules[0]!["Rules"]![1]!["Expression"] = "true";
        after["rules.json"] = rules.ToJsonString();

        var diff = VersionDiff.Compare(before, after);

        Assert.Contains(diff, d => d.Area == DiffArea.Fields && d.Element == "Họ tên vợ/chồng" && d.Detail.StartsWith("x-ui.label.vi", StringComparison.Ordinal));
        Assert.Contains(diff, d => d.Area == DiffArea.Rules && d.Element == "du-tuoi-ket-hon" && d.Detail.StartsWith("Expression", StringComparison.Ordinal));
        Assert.Equal(2, diff.Count);
    }

    [Fact]
    public void Moving_workflow_nodes_on_the_canvas_is_a_layout_only_change()
    {
        var before = Definitions.Procedure("HN-TP-003");
        var after = new Dictionary<string, string>(before);
        var workflow = JsonNode.Parse(after["workflow.json"])!;
        workflow["root"]!["activities"]![0]!["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = 10, ["y"] = 20 } } };
        after["workflow.json"] = workflow.ToJsonString();

        var diff = VersionDiff.Compare(before, after);

        Assert.Equal([DiffArea.Layout], diff.Select(d => d.Area));
        Assert.True(WorkflowLayout.OnlyLayoutDiffers(before["workflow.json"], after["workflow.json"]));
    }

    [Fact]
    public void A_new_field_and_a_removed_test_are_listed()
    {
        var before = Definitions.Procedure("HN-TP-003");
        var after = new Dictionary<string, string>(before);
        var form = JsonNode.Parse(after["form.schema.json"])!;
        form["properties"]!["ghiChu"] = new JsonObject { ["type"] = "string", ["x-ui"] = new JsonObject { ["label"] = new JsonObject { ["vi"] = "Ghi chú", ["en"] = "Note" } } };
        after["form.schema.json"] = form.ToJsonString();
        var test = after.Keys.First(k => k.StartsWith("tests/", StringComparison.Ordinal));
        after.Remove(test);

        var diff = VersionDiff.Compare(before, after);

        Assert.Contains(diff, d => d is { Area: DiffArea.Fields, Kind: DiffKind.Added, Element: "Ghi chú" });
        Assert.Contains(diff, d => d is { Area: DiffArea.Tests, Kind: DiffKind.Removed } && d.Element == test);
    }
}
