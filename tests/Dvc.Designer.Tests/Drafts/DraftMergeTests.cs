using Dvc.Designer.Drafts;

namespace Dvc.Designer.Tests.Drafts;

public sealed class DraftMergeTests
{
    private static Dictionary<string, string> Files(string manifest, string rules = "[]") => new() { ["procedure.json"] = manifest, ["rules.json"] = rules };

    [Fact]
    public void Changes_to_different_keys_are_both_kept()
    {
        var start = Files("""{"name":{"vi":"A","en":"A"},"processingDays":3}""");
        var mine = Files("""{"name":{"vi":"A","en":"A"},"processingDays":5}""");
        var theirs = Files("""{"name":{"vi":"A","en":"Edited"},"processingDays":3}""");

        var merged = DraftMerge.Merge(start, mine, theirs);

        Assert.Empty(merged.Conflicts);
        Assert.Contains("\"en\": \"Edited\"", merged.Files["procedure.json"], StringComparison.Ordinal);
        Assert.Contains("\"processingDays\": 5", merged.Files["procedure.json"], StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_merge_by_name_so_two_new_rules_both_survive()
    {
        const string start = """[{"WorkflowName":"eligibility","Rules":[{"RuleName":"a","Expression":"true"}]}]""";
        const string mine = """[{"WorkflowName":"eligibility","Rules":[{"RuleName":"a","Expression":"true"},{"RuleName":"b","Expression":"true"}]}]""";
        const string theirs = """[{"WorkflowName":"eligibility","Rules":[{"RuleName":"a","Expression":"true"},{"RuleName":"c","Expression":"true"}]}]""";

        var merged = DraftMerge.Merge(Files("{}", start), Files("{}", mine), Files("{}", theirs));

        Assert.Empty(merged.Conflicts);
        Assert.Contains("\"b\"", merged.Files["rules.json"], StringComparison.Ordinal);
        Assert.Contains("\"c\"", merged.Files["rules.json"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_value_changed_both_ways_is_a_conflict_that_keeps_mine()
    {
        var merged = DraftMerge.Merge(Files("""{"processingDays":3}"""), Files("""{"processingDays":5}"""), Files("""{"processingDays":7}"""));

        Assert.Equal(["procedure.json#/processingDays"], merged.Conflicts);
        Assert.Contains("5", merged.Files["procedure.json"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_only_they_added_is_kept()
    {
        var start = Files("{}");
        var theirs = new Dictionary<string, string>(start) { ["tests/a.json"] = "{}" };

        var merged = DraftMerge.Merge(start, start, theirs);

        Assert.True(merged.Files.ContainsKey("tests/a.json"));
    }
}
