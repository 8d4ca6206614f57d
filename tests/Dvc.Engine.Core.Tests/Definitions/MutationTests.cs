using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Tests.Fixtures;

namespace Dvc.Engine.Core.Tests.Definitions;

/// <summary>
/// Seeded random damage to the fixture: whatever an author (or a bad merge) does to a file, the compiler answers with
/// diagnostics — never an exception, never the "compiler failed" code, never a procedure served despite errors
/// (errors in tests/ files excepted: test cases do not decide whether a procedure is served).
/// </summary>
public sealed class MutationTests
{
    private static readonly string[] Files =
    [
        "procedure.json", "form.schema.json", "rules.json", "workflow.json", "templates/result.sbn", "tests/cac-truong-hop.json",
        "../../shared/applicant.schema.json", "../../shared/attachments.json",
    ];

    private static readonly string[] Insertions = ["{", "}", "[", "]", ",", "\"", ":", "null", "\"$ref\": \"#/x\"", "{{", "}}", "-"];

    private static readonly string[] JsonFiles = ["procedure.json", "form.schema.json", "rules.json", "tests/cac-truong-hop.json"];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 12)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_text_damage_gives_diagnostics_not_crashes(int seed)
    {
        var random = new Random(seed);
        using var catalog = new FixtureCatalog();
        for (var round = 0; round < 10; round++)
        {
            var file = FixtureCatalog.ProcedureFolder + "/" + Files[random.Next(Files.Length)];
            var text = catalog.Read(file);
            var at = random.Next(text.Length);
            var length = Math.Min(random.Next(1, 12), text.Length - at);
            var damaged = random.Next(3) switch
            {
                0 => text.Remove(at, length),
                1 => text.Insert(at, Insertions[random.Next(Insertions.Length)]),
                _ => text[..at] + text[(at + length)..].Replace("\"", "'", StringComparison.Ordinal),
            };
            catalog.Write(file, damaged);

            var compilation = catalog.Compile();

            Assert.DoesNotContain(compilation.Diagnostics, d => d.Code is DefinitionDiagnostics.InternalError or DefinitionDiagnostics.WorkflowCompilerFailed);
            Assert.True(
                compilation.Procedure is null || !compilation.Diagnostics.Any(d => d.IsError && !d.File.Contains("/tests/", StringComparison.Ordinal)),
                "Served despite errors:\n" + string.Join("\n", compilation.Diagnostics));
            Assert.All(compilation.Diagnostics, d => Assert.False(string.IsNullOrEmpty(d.File)));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_structural_damage_gives_diagnostics_not_crashes(int seed)
    {
        var random = new Random(seed * 7919);
        using var catalog = new FixtureCatalog();
        JsonNode?[] replacements = [null, 0, -1, 1.5, true, "", "x", new JsonArray(), new JsonObject(), new JsonObject { ["$ref"] = "#" }];
        foreach (var file in JsonFiles)
        {
            catalog.EditJson(file, root =>
            {
                var nodes = JsonTree.Descendants(root).ToList();
                for (var i = 0; i < 3; i++)
                {
                    var victim = nodes[random.Next(1, nodes.Count)];
                    var replacement = replacements[random.Next(replacements.Length)]?.DeepClone();
                    JsonTree.Replace(victim, replacement);

                    nodes = JsonTree.Descendants(root).ToList();
                }
            });
        }

        var compilation = catalog.Compile();

        Assert.DoesNotContain(compilation.Diagnostics, d => d.Code is DefinitionDiagnostics.InternalError or DefinitionDiagnostics.WorkflowCompilerFailed);
    }
}
