using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;

namespace Dvc.Engine.Cli.Commands;

/// <summary><c>dvc validate [path] [--format text|json]</c>: compiles and cross-checks every part; exit 1 when there are errors.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var path = new Argument<string?>("path")
        {
            Description = "A catalog folder (with procedures/) or one procedure folder. Default: ./definitions.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var format = new Option<string>("--format")
        {
            Description = "text (file(line,col): error CODE: message [pointer]) or json.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("validate", "Check procedure definitions: JSON, $ref, manifest, form, rules, templates, workflow and tests.");
        command.Arguments.Add(path);
        var plugins = CliCompiler.PluginsOption();
        command.Options.Add(plugins);
        command.Options.Add(format);
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
            stopwatch.Stop();
            var diagnostics = catalog.AllDiagnostics.ToArray();
            var errors = diagnostics.Count(d => d.IsError);
            var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);

            if (parseResult.GetValue(format) == "json")
            {
                output.WriteLine(ToJson(catalog, diagnostics, errors, warnings, stopwatch.Elapsed).ToJsonString(JsonOptions));
            }
            else
            {
                foreach (var diagnostic in diagnostics)
                {
                    output.WriteLine(diagnostic.ToString());
                }

                var compiled = catalog.Procedures.Count(p => p.Procedure is not null);
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{catalog.Procedures.Count} procedure(s), {compiled} compiled: {errors} error(s), {warnings} warning(s) in {stopwatch.Elapsed.TotalSeconds:0.00} s"));
            }

            return errors > 0 ? 1 : 0;
        });
        return command;
    }

    internal static JsonSerializerOptions JsonOptions { get; } = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonObject ToJson(CatalogCompilation catalog, Diagnostic[] diagnostics, int errors, int warnings, TimeSpan elapsed) => new()
    {
        ["root"] = catalog.Root,
        ["procedures"] = new JsonArray([.. catalog.Procedures.Select(p => (JsonNode)new JsonObject
        {
            ["code"] = p.Code,
            ["folder"] = p.Folder,
            ["compiled"] = p.Procedure is not null,
            ["contentHash"] = p.Procedure?.ContentHash,
            ["errors"] = p.Diagnostics.Count(d => d.IsError),
            ["warnings"] = p.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning),
            ["tests"] = p.Tests.Count,
        })]),
        ["diagnostics"] = new JsonArray([.. diagnostics.Select(d => (JsonNode)new JsonObject
        {
            ["code"] = d.Code,
            ["severity"] = d.Severity.ToString().ToLowerInvariant(),
            ["message"] = d.Message,
            ["file"] = d.File,
            ["pointer"] = d.JsonPointer,
            ["line"] = d.Line,
            ["column"] = d.Column,
        })]),
        ["errors"] = errors,
        ["warnings"] = warnings,
        ["elapsedMs"] = (long)elapsed.TotalMilliseconds,
    };
}
