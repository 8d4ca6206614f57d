using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Tests.Fixtures;
using Dvc.Engine.Core.Workflows.Simulation;

namespace Dvc.Engine.Core.Tests.Workflows;

/// <summary>
/// Every shipped procedure's workflow, walked along every outcome path with the procedure's own rules and templates:
/// each branch must end at an End activity (or be cut as a bounded loop), none may fault or hang, and every answer of every
/// waiting activity must lie on a path that finishes.
/// </summary>
public sealed class ShippedWorkflowPathsTests
{
    private static readonly Lazy<CatalogCompilation> Catalog = new(() => new ProcedureCompiler().CompileCatalog(Repository.Definitions()));

    public static TheoryData<string> ShippedProcedures()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(Path.Combine(Repository.Definitions(), "procedures")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedProcedures))]
    public async Task Every_outcome_path_of_a_shipped_workflow_ends_cleanly(string code)
    {
        var compilation = Catalog.Value.Procedures.Single(p => p.Code == code);
        var procedure = compilation.Procedure ?? throw new InvalidOperationException(string.Join("\n", compilation.Diagnostics));
        var valid = compilation.Tests.First(t => t.Expect.Valid == true && t.Expect.Eligible != false);

        var paths = await new WorkflowPathExplorer(WorkflowSimulation.ForProcedure(procedure, valid.Input, valid.SubmittedOn)).ExploreAsync();

        Assert.Empty(paths.Where(p => p.End is PathEnd.Faulted or PathEnd.Stuck).Select(Describe));
        Assert.Contains(paths, p => p.End == PathEnd.Finished);
        Assert.Empty(paths.Where(p => p.End == PathEnd.Finished && !p.Executed.Any(id => procedure.Workflow!.ActivityType(id) is "Elsa.End" or "Elsa.Finish"))
            .Select(p => "finished without reaching an End (an outcome with no connection?): " + Describe(p)));
        var answered = paths.SelectMany(p => p.Steps).Distinct().ToList();
        var finishing = paths.Where(p => p.End == PathEnd.Finished).SelectMany(p => p.Steps).ToHashSet();
        Assert.Empty(answered.Where(s => !finishing.Contains(s)).Select(s => $"{s.ActivityId} → {s.Answer} never reaches the end"));
    }

    private static string Describe(ExploredPath path) =>
        $"{path.End}: {string.Join(", ", path.Steps.Select(s => $"{s.ActivityId}={s.Answer}"))} {path.Fault}";
}
