using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Definitions.Testing;

namespace Dvc.Engine.Cli.Commands;

/// <summary>
/// <c>dvc test [path]</c>: compiles each procedure and runs its tests/*.json. A procedure that does not compile fails all its
/// cases (its diagnostics are printed). The last line is exactly <c>N passed, N failed</c>; exit 1 when any failed.
/// </summary>
internal static class TestCommand
{
    public static Command Create()
    {
        var path = new Argument<string?>("path")
        {
            Description = "A catalog folder (with procedures/) or one procedure folder. Default: ./definitions.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("test", "Run every procedure's test cases: validation, eligibility, fee, checklist and rendered text.");
        command.Arguments.Add(path);
        var plugins = CliCompiler.PluginsOption();
        command.Options.Add(plugins);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var target = DefinitionsPath.Resolve(parseResult.GetValue(path), out var problem);
            if (target is null)
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"error: {problem}");
                return 2;
            }

            if (CliCompiler.Activities(parseResult.GetValue(plugins), output) is not { } activities)
            {
                return 2;
            }

            var stopwatch = Stopwatch.StartNew();
            var catalog = target.Compile(CliCompiler.Create(activities));
            var runner = CliCompiler.CreateTestRunner();
            int passed = 0, failed = 0;
            foreach (var diagnostic in catalog.Diagnostics.Where(d => d.IsError))
            {
                output.WriteLine(diagnostic.ToString());
            }

            foreach (var compilation in catalog.Procedures)
            {
                if (compilation.Procedure is null || compilation.HasErrors)
                {
                    output.WriteLine($"{compilation.Code}: does not compile");
                    foreach (var diagnostic in compilation.Diagnostics.Where(d => d.IsError))
                    {
                        output.WriteLine("  " + diagnostic);
                    }

                    var count = Math.Max(compilation.Tests.Count, 1);
                    failed += count;
                    continue;
                }

                foreach (var testCase in compilation.Tests)
                {
                    var result = runner.Run(compilation.Procedure, testCase);
                    output.WriteLine($"{(result.Passed ? "PASS" : "FAIL")} {result.Procedure} {result.Name} ({result.File})");
                    foreach (var failure in result.Failures)
                    {
                        output.WriteLine("    - " + failure);
                    }

                    foreach (var note in result.Notes)
                    {
                        output.WriteLine("    note: " + note);
                    }

                    if (result.Passed)
                    {
                        passed++;
                    }
                    else
                    {
                        failed++;
                    }
                }
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ran {passed + failed} test case(s) of {catalog.Procedures.Count} procedure(s) in {stopwatch.Elapsed.TotalSeconds:0.00} s"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{passed} passed, {failed} failed"));
            return failed > 0 ? 1 : 0;
        });
        return command;
    }
}
