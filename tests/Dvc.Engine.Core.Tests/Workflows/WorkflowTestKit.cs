using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Core.Workflows.Dossiers;
using Dvc.Engine.Core.Workflows.Runtime;
using Dvc.Engine.Core.Workflows.SubWorkflows;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Tests.Workflows;

/// <summary>Loads the conformance files, compiles them and runs them on a manual clock.</summary>
internal static class WorkflowTestKit
{
    public static string ConformanceDirectory() => Path.Combine(Path.GetDirectoryName(ThisFile())!, "Conformance");

    public static byte[] Load(string file) => File.ReadAllBytes(Path.Combine(ConformanceDirectory(), file));

    public static CompiledWorkflow Compile(string file, WorkflowCompileContext? context = null) => CompileBytes(Load(file), file, context);

    public static CompiledWorkflow CompileBytes(byte[] json, string file, WorkflowCompileContext? context = null)
    {
        var result = WorkflowCompiler.Compile(json, file, context ?? WorkflowCompileContext.Default);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Workflow!;
    }

    /// <summary>
    /// A file of elsa-core's own tests (copied under <c>Conformance/elsa-core/&lt;scenario&gt;/</c>, or of another Elsa
    /// <paramref name="repository"/>), compiled with the other
    /// files of its scenario as the library it may call, as the Elsa test registers them. <paramref name="tokenBased"/>
    /// stands for the Elsa test's <c>RunWorkflowOptions().WithTokenBasedFlowchart()</c>: the run property goes into the
    /// definition's <c>customProperties</c> in memory, the file stays as Elsa wrote it.
    /// </summary>
    public static CompiledWorkflow CompileElsa(string scenario, string file, bool withLibrary = true, bool tokenBased = false, string repository = "elsa-core")
    {
        var folder = Path.Combine(ConformanceDirectory(), repository, scenario);
        var library = withLibrary ? WorkflowLibrary.FromDirectory(folder, scenario, []) : WorkflowLibrary.Empty;
        var context = WorkflowCompileContext.Default with { Library = library };
        var json = File.ReadAllBytes(Path.Combine(folder, file));
        if (tokenBased)
        {
            var document = JsonNode.Parse(json)!.AsObject();
            var properties = document["customProperties"] as JsonObject ?? [];
            properties["Flowchart:ExecutionMode"] = "TokenBased";
            document["customProperties"] = properties;
            json = JsonSerializer.SerializeToUtf8Bytes(document);
        }

        return CompileBytes(json, $"{scenario}/{file}", context);
    }

    /// <summary>The diagnostics of an elsa-core file compiled on its own.</summary>
    public static WorkflowCompileResult CompileElsaResult(string scenario, string file) =>
        WorkflowCompiler.Compile(File.ReadAllBytes(Path.Combine(ConformanceDirectory(), "elsa-core", scenario, file)), $"{scenario}/{file}", WorkflowCompileContext.Default);

    /// <summary>
    /// Runs until the instance ends, resuming every bookmark it waits on with no payload, as Elsa's test helper
    /// <c>RunWorkflowUntilEndAsync</c> does.
    /// </summary>
    public static async Task<WorkflowRunResult> RunUntilEndAsync(CompiledWorkflow workflow, JsonObject? input = null, WorkflowInterpreter? interpreter = null)
    {
        interpreter ??= Interpreter();
        var result = await interpreter.StartAsync(workflow, Dossier(), input: input);
        for (var round = 0; round < 100 && result.Status == WorkflowStatus.Suspended && result.Bookmarks.Count > 0; round++)
        {
            foreach (var bookmark in result.Bookmarks.ToList())
            {
                var next = await interpreter.ResumeAsync(workflow, result.State, bookmark.Id, null);
                result = next.Accepted ? next : result;
            }
        }

        return result;
    }

    public static DossierInfo Dossier(object? data = null, decimal? fee = null, string code = "HN-2026-000123") =>
        new(code, "HN-TP-001", JsonSerializer.SerializeToElement(data ?? new { }), fee, 4);

    public static WorkflowInterpreter Interpreter(ManualClock? clock = null, IDossierServices? services = null) =>
        new(services ?? new InMemoryDossierServices(), clock ?? new ManualClock());

    // The caller's path would be the calling test's file; this one is always the kit's own.
    private static string ThisFile([CallerFilePath] string path = "") => path;
}

/// <summary>A clock that moves only when told, so timer tests are exact.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7));

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    public void Advance(TimeSpan span) => _now += span;
}
