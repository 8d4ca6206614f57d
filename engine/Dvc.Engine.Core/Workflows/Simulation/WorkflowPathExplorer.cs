using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Simulation;

/// <summary>
/// Walks every outcome path of a simulated dossier: at each waiting point it tries every answer the waiting activity
/// can give (each human-task outcome, Paid/Failed/Expired, Supplemented/Expired, a due timer), depth first. Loops (a
/// supplement sent back to reception) are bounded by taking each answer at most <see cref="MaxRepeats"/> times a path.
/// Authors and tests use it to prove that every branch of a workflow ends, and ends cleanly.
/// </summary>
public sealed class WorkflowPathExplorer(WorkflowSimulation simulation)
{
    /// <summary>How often one activity may give the same answer on one path before the path is cut as a loop.</summary>
    public int MaxRepeats { get; init; } = 2;

    /// <summary>Stops after this many paths, so a pathological workflow cannot run away.</summary>
    public int MaxPaths { get; init; } = 5000;

    /// <summary>Every path from the start, each with the answers given and how it ended.</summary>
    public async Task<IReadOnlyList<ExploredPath>> ExploreAsync(CancellationToken cancellationToken = default)
    {
        var paths = new List<ExploredPath>();
        var start = await simulation.StartAsync(cancellationToken);
        await WalkAsync(start, [], paths, cancellationToken);
        return paths;
    }

    private async Task WalkAsync(WorkflowRunResult run, List<ExploredStep> taken, List<ExploredPath> paths, CancellationToken cancellationToken)
    {
        if (paths.Count >= MaxPaths)
        {
            return;
        }

        if (run.Status != WorkflowStatus.Suspended || run.State.Bookmarks.Count == 0)
        {
            var end = run.Status switch
            {
                WorkflowStatus.Finished => PathEnd.Finished,
                WorkflowStatus.Faulted => PathEnd.Faulted,
                _ => PathEnd.Stuck,
            };
            paths.Add(new ExploredPath([.. taken], end, run.State.ExecutedActivityIds, run.State.Fault?.Message));
            return;
        }

        var branched = false;
        foreach (var bookmark in run.State.Bookmarks)
        {
            foreach (var (answer, step) in Answers(bookmark))
            {
                var explored = new ExploredStep(bookmark.ActivityId, answer);
                if (taken.Count(t => t == explored) >= MaxRepeats)
                {
                    continue;
                }

                var next = await simulation.AnswerAsync(run, step, cancellationToken);
                if (next is null || !next.Accepted)
                {
                    continue;
                }

                branched = true;
                taken.Add(explored);
                await WalkAsync(next, taken, paths, cancellationToken);
                taken.RemoveAt(taken.Count - 1);
            }
        }

        if (!branched)
        {
            paths.Add(new ExploredPath([.. taken], PathEnd.LoopCut, run.State.ExecutedActivityIds, null));
        }
    }

    private static IEnumerable<(string Answer, JsonObject Step)> Answers(WorkflowBookmark bookmark)
    {
        JsonObject Task(string outcome) => new() { ["task"] = bookmark.ActivityId, ["outcome"] = outcome };
        switch (bookmark.Name)
        {
            case "Dvc.HumanTask":
                foreach (var outcome in (bookmark.Payload?["outcomes"] as JsonArray ?? []).Select(o => o?.ToString()).OfType<string>())
                {
                    yield return (outcome, Task(outcome));
                }

                break;
            case "Dvc.RequestPayment":
                foreach (var status in new[] { "Paid", "Failed", "Expired" })
                {
                    yield return (status, Task(status));
                }

                break;
            case "Dvc.WaitForSupplement":
                yield return ("Supplemented", Task("Supplemented"));
                yield return ("Expired", Task("Expired"));
                break;
            default:
                if (bookmark.DueAt is not null)
                {
                    yield return ("timer", new JsonObject { ["timer"] = true });
                }

                break;
        }
    }
}

/// <summary>One answer on an explored path: the waiting activity and what it was answered.</summary>
public sealed record ExploredStep(string ActivityId, string Answer);

/// <summary>How an explored path ended.</summary>
public enum PathEnd
{
    /// <summary>The workflow finished.</summary>
    Finished,

    /// <summary>The workflow faulted: a definition bug on this branch.</summary>
    Faulted,

    /// <summary>Suspended with nothing to answer, or ended in a state that is neither finished nor faulted.</summary>
    Stuck,

    /// <summary>Cut because every remaining answer had been taken <see cref="WorkflowPathExplorer.MaxRepeats"/> times (a loop).</summary>
    LoopCut,
}

/// <summary>An explored path: the answers given, how it ended, the activities that ran, and the fault if any.</summary>
public sealed record ExploredPath(IReadOnlyList<ExploredStep> Steps, PathEnd End, IReadOnlyList<string> Executed, string? Fault);
