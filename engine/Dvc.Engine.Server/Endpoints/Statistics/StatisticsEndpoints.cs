using System.Text;
using Dvc.Engine.Server.Errors;
using Dvc.Engine.Server.Localization;
using Dvc.Engine.Server.Statistics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dvc.Engine.Server.Endpoints.Statistics;

/// <summary>Public statistics (anyone may read them; Hanoi publishes on-time rates by agency), as JSON or CSV.</summary>
internal static class StatisticsEndpoints
{
    public static RouteGroupBuilder MapStatisticsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/statistics").WithTags("Statistics").AllowAnonymous();
        group.MapGet("/", Get).WithName("GetStatistics")
            .WithSummary("Received, in progress (overdue apart), on time and late dossiers by agency, level and month; filter by submission period (from, to: yyyy-MM-dd) and procedure.");
        group.MapGet("/csv", Csv).WithName("ExportStatistics").WithSummary("The same figures as CSV (UTF-8), for spreadsheets.");
        return group;
    }

    private static async Task<Results<Ok<StatisticsReport>, ValidationProblem>> Get(
        StatisticsService statistics, PortalText text, DateOnly? from, DateOnly? to, string? procedure, CancellationToken ct) =>
        Check(from, to, text) is { } invalid ? invalid : TypedResults.Ok(await statistics.ComputeAsync(new StatisticsQuery(from, to, procedure), ct));

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Csv(
        StatisticsService statistics, PortalText text, DateOnly? from, DateOnly? to, string? procedure, CancellationToken ct)
    {
        if (Check(from, to, text) is { } invalid)
        {
            return invalid;
        }

        var csv = StatisticsService.ToCsv(await statistics.ComputeAsync(new StatisticsQuery(from, to, procedure), ct));
        // The byte order mark makes spreadsheet programs read the Vietnamese labels as UTF-8.
        return TypedResults.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], "text/csv; charset=utf-8", "thong-ke-ho-so.csv");
    }

    private static ValidationProblem? Check(DateOnly? from, DateOnly? to, PortalText text) =>
        from is { } start && to is { } end && end < start
            ? ApiProblems.Validation(new Dictionary<string, string[]> { ["/to"] = [text["stats.badPeriod"]] }, text)
            : null;
}
