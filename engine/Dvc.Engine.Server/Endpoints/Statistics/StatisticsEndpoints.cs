using Dvc.Engine.Server.Statistics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dvc.Engine.Server.Endpoints.Statistics;

/// <summary>Public statistics (anyone may read them; Hanoi publishes on-time rates by agency).</summary>
internal static class StatisticsEndpoints
{
    public static RouteGroupBuilder MapStatisticsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/statistics").WithTags("Statistics").AllowAnonymous();
        group.MapGet("/", Get).WithName("GetStatistics").WithSummary("Received, on time and late dossiers by agency, level and month, from dossier events.");
        return group;
    }

    private static async Task<Ok<StatisticsReport>> Get(StatisticsService statistics, CancellationToken ct) =>
        TypedResults.Ok(await statistics.ComputeAsync(ct));
}
