using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Definitions.Testing;
using Dvc.Engine.Core.Rules;
using Dvc.Engine.Core.Templates;
using Dvc.Engine.Core.Tests.Cli;
using Dvc.Engine.Core.Tests.Fixtures;
using Dvc.Engine.Core.Workflows.Runtime;
using Dvc.Engine.Core.Workflows.Simulation;
using Xunit.Abstractions;

namespace Dvc.Engine.Core.Tests.Definitions;

/// <summary>
/// Issue 14: the shipped procedures, mutated as a careless or hostile author would (structure, types, huge numbers, odd
/// text, path and <c>$ref</c> tricks, nasty expressions and templates), go through validate, test and run. A definition
/// is untrusted input, so every mutant must end in diagnostics, failed cases or a faulted step: never an unhandled
/// exception, an internal compiler error, a procedure served despite errors, or a hang. Seeded, so a failure replays.
/// </summary>
public sealed class DefinitionFuzzTests(ITestOutputHelper output)
{
    private const int Mutants = 240;
    private const int Workers = 2;
    private static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(60);

    private static readonly string[] NastyExpressions =
    [
        "\"x\".PadLeft(1000000).SelectMany(a => \"y\".PadLeft(1000000)).LongCount() > 0",
        "\"x\".PadLeft(1000000000).Length > 0",
        "Enumerable.Range(0,2147483647).LongCount() > 0",
        "input.GetType().Assembly != null",
        "DateTime.Now.Year > 2000",
        "input.applicant.fullName + input.applicant.fullName != null",
        "((((((((((", "", " ", "null", "1", "\"text\"", "input", "ctx", "input.nope.nope > 1",
        "Dvc.Age(null, null) > 1", "Math.Pow(10, 400) > 1", "1 / 0 == 1", "decimal.MaxValue + 1 > 0",
        "new DateTime(0, 0, 0) > ctx.SubmittedOn", "input.applicant.fullName.Substring(1000) == \"\"",
        "new[] { 1, 2 }.SelectMany(a => new[] { 1 }).Count() > 0", "input.applicant.fullName.Split(' ').Any(a => a == \"x\")",
    ];

    private static readonly string[] NastyScripts =
    [
        "({toJSON(){throw new Error('x')}})", "\"x\".repeat(2**28)", "while(true){}", "function f(){return f()} f()",
        "Object.defineProperty(variables,'a',{get(){throw 1},enumerable:true}); 1", "/(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')",
        "importNamespace('System.IO')", "throw 'x'", "undefined", "null", "1/0", "new ArrayBuffer(2**30)", "}{",
    ];

    private static readonly string[] NastyLiquid =
    [
        "{% include '/etc/passwd' %}", "{{ (1..1000000000) | size }}", "{% for i in (1..100000) %}{{ i }}{% endfor %}",
        "{% assign n = 1000000000 %}{{ (1..n) | size }}", "{{ Input.data | json }}", "{% if %}", "{{",
    ];

    private static readonly string[] NastyTemplates =
    [
        "{{ for i in 1..100000000 }}{{ end }}", "{{ 'x' * 100000000 }}", "{{ include 'x' }}", "{{ data.x.y.z }}", "{{",
        "{{ func f; ret f; end; f }}", "{{ data.applicant.fullName | string.pad_left 300000000 }}", "\u0000\ud800", "{{ 1 / 0 }}",
    ];

    private static readonly string[] OddStrings =
    [
        "", " ", "\u0000", "\u202Eevil", "../../../../etc/passwd", "\n../../../../../../etc/passwd", "/proc/self/environ",
        "{{ data }}", "{% include 'x' %}", "$ref", "#/", "Đăng ký khai sinh 👶", new string('x', 20_000), "null", "true",
        "2026-02-30", "99999999999999999999", "-1", "NaN",
    ];

    private static readonly string[] Punctuation = ["{", "}", "[", "]", ",", "\"", ":", "{{", "}}", "\\", "\u0000"];

    private static readonly string[] AddedKeys = ["$ref", "expression", "Actions", "localParams", "WorkflowsToInject", "__proto__", "x-ui", "type", ""];

    private static readonly string[] Parts = ["form", "rules", "workflow", "tests"];

    private static readonly string[] RawNumbers =
    [
        "1e308", "-1e308", "1e400", "123456789012345678901234567890", "9007199254740993", "2147483648", "-2147483649",
        "1e-320", "0", "-0", "0.0000001",
    ];

    private static readonly string[] RefTricks =
    [
        "../../../../../../etc/passwd#/", "/etc/passwd", "#", "#/properties", "#/no/such/pointer", "shared/ext/appsettings.json#/",
        "../../shared/applicant.schema.json#/properties/applicant/$ref", "http://example.com/x.json#/", "\n../../../etc/passwd",
        "../../shared/roles.json#/roles", "../../shared/nope.json#/x",
    ];

    [Fact]
    public void Mutants_of_the_shipped_procedures_end_in_diagnostics_failures_or_faults_never_crashes_or_hangs()
    {
        var shipped = Repository.Definitions();
        var codes = Directory.GetDirectories(Path.Combine(shipped, ProcedureCompiler.ProceduresFolder)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var problems = new ConcurrentBag<string>();
        var counts = new ConcurrentDictionary<string, int>();
        var stopwatch = Stopwatch.StartNew();

        Parallel.For(0, Workers, new ParallelOptions { MaxDegreeOfParallelism = Workers }, worker =>
        {
            var catalog = Directory.CreateTempSubdirectory("dvc-fuzz-").FullName;
            try
            {
                FixtureCatalog.Copy(Path.Combine(shipped, "shared"), Path.Combine(catalog, "shared"));
                for (var seed = worker; seed < Mutants; seed += Workers)
                {
                    var code = codes[seed % codes.Length]!;
                    var mutant = Mutate(shipped, catalog, code, seed);
                    var run = Task.Run(() => Exercise(catalog, code, seed, seed % 20 == 0));
                    if (!run.Wait(HangAfter))
                    {
                        problems.Add($"seed {seed} ({code}: {mutant}): still running after {HangAfter.TotalSeconds} s");
                        return;
                    }

                    counts.AddOrUpdate(run.Result.Outcome, 1, (_, n) => n + 1);
                    foreach (var problem in run.Result.Problems)
                    {
                        problems.Add($"seed {seed} ({code}: {mutant}): {problem}");
                    }
                }
            }
            finally
            {
                Directory.Delete(catalog, recursive: true);
            }
        });

        output.WriteLine($"{Mutants} mutants of {codes.Length} procedures in {stopwatch.Elapsed.TotalSeconds:0.0} s: "
            + string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value} {c.Key}")));
        Assert.True(problems.IsEmpty, string.Join("\n", problems.Take(20)));
        Assert.Equal(Mutants, counts.Values.Sum());
    }

    /// <summary>Found by this fuzzer: an escaped lone surrogate parsed, then made the compiler fail with DVC-DEF-099.</summary>
    [Fact]
    public void A_lone_surrogate_in_a_definition_is_a_diagnostic_not_an_internal_error()
    {
        using var catalog = new FixtureCatalog();
        catalog.Replace("procedure.json", "\"legalBasis\": [", "\"legalBasis\": [\"\\ud800\", ");

        var compilation = catalog.Compile();

        Assert.Null(compilation.Procedure);
        Assert.Equal("/legalBasis/0", DiagnosticAssert.SingleError(compilation, DefinitionDiagnostics.MalformedJson, FixtureCatalog.ProcedureFolder + "/procedure.json").JsonPointer);
    }

    /// <summary>Validate, then (when it compiles) test and run; returns how it ended and anything that must not happen.</summary>
    private static (string Outcome, List<string> Problems) Exercise(string catalog, string code, int seed, bool throughCli)
    {
        var problems = new List<string>();
        var folder = Path.Combine(catalog, ProcedureCompiler.ProceduresFolder, code);
        ProcedureCompilation compilation;
        try
        {
            compilation = new ProcedureCompiler().CompileFolder(folder);
        }
        catch (Exception ex)
        {
            return ("crashed", [$"validate threw {ex.GetType().Name}: {ex.Message}"]);
        }

        foreach (var d in compilation.Diagnostics.Where(d => d.Code is DefinitionDiagnostics.InternalError or DefinitionDiagnostics.WorkflowCompilerFailed))
        {
            problems.Add($"compiler failed: {d}");
        }

        if (compilation.Procedure is { } served && compilation.Diagnostics.Any(d => d.IsError && !d.File.Contains("/tests/", StringComparison.Ordinal)))
        {
            problems.Add($"served {served.Code} despite errors: {compilation.Diagnostics.First(d => d.IsError)}");
        }

        if (throughCli)
        {
            foreach (var command in new[] { "validate", "test" })
            {
                var (exitCode, text, error) = CliRunner.Run(command, folder);
                if (exitCode is not (0 or 1) || error.Length > 0 || text.Contains("   at ", StringComparison.Ordinal))
                {
                    problems.Add($"dvc {command} exited {exitCode}: {(error + text)[..Math.Min(300, error.Length + text.Length)]}");
                }
            }
        }

        if (compilation.Procedure is not { } procedure)
        {
            return ("refused", problems);
        }

        var runner = new ProcedureTestRunner();
        var outcome = "passed";
        foreach (var testCase in compilation.Tests.Take(1))
        {
            var result = runner.Run(procedure, testCase);
            problems.AddRange(result.Failures.Where(f => f.Contains("(unexpected ", StringComparison.Ordinal)).Select(f => "dvc test: " + f));
            outcome = result.Passed ? outcome : "failed a case";
            outcome = Simulate(procedure, testCase, problems) ?? outcome;
        }

        return (outcome, problems);
    }

    /// <summary>The dossier run of one case (what <c>dvc run</c> does): a fault is fine, an exception is not.</summary>
    private static string? Simulate(CompiledProcedure procedure, ProcedureTestCase testCase, List<string> problems)
    {
        try
        {
            var simulation = WorkflowSimulation.ForProcedure(procedure, (JsonObject)testCase.Input.DeepClone(), testCase.SubmittedOn);
            var run = simulation.StartAsync().GetAwaiter().GetResult();
            foreach (var step in (testCase.Expect.Steps ?? []).OfType<JsonObject>())
            {
                if (run.Status != WorkflowStatus.Suspended || simulation.AnswerAsync(run, step).GetAwaiter().GetResult() is not { Accepted: true } next)
                {
                    break;
                }

                run = next;
            }

            return run.Status == WorkflowStatus.Faulted ? "faulted" : null;
        }
        catch (RuleEvaluationRefusedException)
        {
            return "rules refused";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Add($"dvc run threw {ex.GetType().Name}: {ex.Message}");
            return "crashed";
        }
    }

    /// <summary>Writes the mutant of <paramref name="code"/> into the worker's catalog (pristine shared fragments first) and says what changed.</summary>
    private static string Mutate(string shipped, string catalog, string code, int seed)
    {
        var random = new Random(seed);
        var target = Path.Combine(catalog, ProcedureCompiler.ProceduresFolder, code);
        if (Directory.Exists(Path.Combine(catalog, ProcedureCompiler.ProceduresFolder)))
        {
            Directory.Delete(Path.Combine(catalog, ProcedureCompiler.ProceduresFolder), recursive: true);
        }

        FixtureCatalog.Copy(Path.Combine(shipped, ProcedureCompiler.ProceduresFolder, code), target);
        foreach (var file in Directory.GetFiles(Path.Combine(shipped, "shared")))
        {
            File.Copy(file, Path.Combine(catalog, "shared", Path.GetFileName(file)), overwrite: true);
        }

        var files = Directory.GetFiles(target, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        files.Add(Path.Combine(catalog, "shared", "applicant.schema.json"));
        var changes = new List<string>();
        for (var i = 0; i < 1 + random.Next(3); i++)
        {
            var file = files[random.Next(files.Count)];
            var name = Path.GetRelativePath(catalog, file);
            var text = File.ReadAllText(file);
            string mutated;
            string what;
            if (file.EndsWith(".json", StringComparison.Ordinal) && random.Next(6) > 0 && TryParse(text) is { } root)
            {
                (mutated, what) = MutateJson(root, name, random);
            }
            else
            {
                (mutated, what) = MutateText(text, file.EndsWith(".sbn", StringComparison.Ordinal), random);
            }

            // Encoding.UTF8 replaces a lone surrogate instead of throwing; the loader still sees odd bytes.
            File.WriteAllBytes(file, System.Text.Encoding.UTF8.GetBytes(mutated));
            changes.Add($"{name} {what}");
        }

        return string.Join("; ", changes);
    }

    private static (string Text, string What) MutateJson(JsonNode root, string file, Random random)
    {
        var raw = new List<string>();
        var nodes = JsonTree.Descendants(root).Where(n => n.Parent is not null).ToList();
        var victim = nodes.Count == 0 ? root : nodes[random.Next(nodes.Count)];
        string what;
        switch (random.Next(9))
        {
            case 0:
                what = "delete " + victim.GetPath();
                JsonTree.Remove(victim);
                break;
            case 1:
                JsonNode?[] values = [null, 0, -1, 1.5, true, false, "", "x", new JsonArray(), new JsonObject(), new JsonArray(1, "a", null)];
                var value = values[random.Next(values.Length)]?.DeepClone();
                what = $"swap {victim.GetPath()} for {value?.ToJsonString() ?? "null"}";
                JsonTree.Replace(victim, value);
                break;
            case 2:
                var number = RawNumbers[random.Next(RawNumbers.Length)];
                victim = nodes.FirstOrDefault(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.Number && random.Next(3) == 0) ?? victim;
                what = $"number {victim.GetPath()} = {number}";
                JsonTree.Replace(victim, Placeholder(raw, number));
                break;
            case 3:
                var odd = OddStrings[random.Next(OddStrings.Length)];
                victim = nodes.FirstOrDefault(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String && random.Next(4) == 0) ?? victim;
                what = $"text {victim.GetPath()} = {JsonSerializer.Serialize(odd[..Math.Min(odd.Length, 40)])}";
                JsonTree.Replace(victim, random.Next(4) == 0 ? Placeholder(raw, "\"\\ud800\"") : odd);
                break;
            case 4:
                var trick = RefTricks[random.Next(RefTricks.Length)];
                if (file.EndsWith("procedure.json", StringComparison.Ordinal) && root["parts"] is JsonObject parts && random.Next(2) == 0)
                {
                    var part = Parts[random.Next(Parts.Length)];
                    parts[part] = trick.Split('#')[0];
                    what = $"parts.{part} = {JsonSerializer.Serialize(trick)}";
                }
                else
                {
                    what = $"$ref {victim.GetPath()} -> {JsonSerializer.Serialize(trick)}";
                    JsonTree.Replace(victim, new JsonObject { ["$ref"] = trick });
                }

                break;
            case 5:
                var expressions = nodes.Where(n => n is JsonValue && n.Parent is JsonObject && n.GetPropertyName() is "Expression" or "expression" or "value" or "amount").ToList();
                victim = expressions.Count > 0 ? expressions[random.Next(expressions.Count)] : victim;
                var nasty = file.Contains("workflow", StringComparison.Ordinal)
                    ? (random.Next(2) == 0 ? NastyScripts[random.Next(NastyScripts.Length)] : NastyLiquid[random.Next(NastyLiquid.Length)])
                    : NastyExpressions[random.Next(NastyExpressions.Length)];
                if (file.Contains("workflow", StringComparison.Ordinal) && victim.Parent is JsonObject expression && expression.ContainsKey("type"))
                {
                    expression["type"] = NastyLiquid.Contains(nasty) ? "Liquid" : "JavaScript";
                }

                what = $"expression {victim.GetPath()} = {JsonSerializer.Serialize(nasty)}";
                JsonTree.Replace(victim, nasty);
                break;
            case 6:
                var arrays = nodes.OfType<JsonArray>().Where(a => a.Count > 0).ToList();
                if (arrays.Count > 0)
                {
                    var array = arrays[random.Next(arrays.Count)];
                    var item = array[random.Next(array.Count)];
                    what = $"duplicate an item of {array.GetPath()}";
                    array.Add(item?.DeepClone());
                }
                else
                {
                    what = "nothing to duplicate";
                }

                break;
            case 7:
                var objects = nodes.OfType<JsonObject>().ToList();
                var owner = objects.Count > 0 ? objects[random.Next(objects.Count)] : root as JsonObject;
                var key = AddedKeys[random.Next(AddedKeys.Length)];
                what = $"add {key} to {owner?.GetPath()}";
                if (owner is not null && !owner.ContainsKey(key))
                {
                    owner[key] = key == "$ref" ? RefTricks[random.Next(RefTricks.Length)] : NastyExpressions[random.Next(NastyExpressions.Length)];
                }

                break;
            default:
                what = $"wrap {victim.GetPath()} in an array";
                JsonTree.Replace(victim, new JsonArray(victim.DeepClone()));
                break;
        }

        var text = root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        for (var i = 0; i < raw.Count; i++)
        {
            text = text.Replace($"\"__RAW_{i}__\"", raw[i], StringComparison.Ordinal);
        }

        return (text, what);
    }

    private static (string Text, string What) MutateText(string text, bool template, Random random)
    {
        var at = text.Length == 0 ? 0 : random.Next(text.Length);
        if (template && random.Next(2) == 0)
        {
            var snippet = NastyTemplates[random.Next(NastyTemplates.Length)];
            return (text.Insert(at, snippet), $"insert {JsonSerializer.Serialize(snippet)} at {at}");
        }

        var length = Math.Min(random.Next(1, 20), text.Length - at);
        return random.Next(3) switch
        {
            0 => (text.Remove(at, length), $"delete {length} chars at {at}"),
            1 => (text.Insert(at, Punctuation[random.Next(Punctuation.Length)]), $"insert a char at {at}"),
            _ => (text[..at] + new string(text[at..].Reverse().ToArray()), $"reverse the rest from {at}"),
        };
    }

    private static JsonValue Placeholder(List<string> raw, string literal)
    {
        raw.Add(literal);
        return JsonValue.Create($"__RAW_{raw.Count - 1}__");
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
