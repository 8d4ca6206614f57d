using System.Runtime.CompilerServices;
using System.Text.Json;
using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Core.Workflows.Dossiers;
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
