using System.Globalization;
using Dvc.Engine.Server.Catalog;
using Dvc.Engine.Server.Statistics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dvc.Engine.Server.Pages.Statistics;

/// <summary>The public statistics, filtered by submission period and procedure, with a CSV of the same figures.</summary>
internal sealed class IndexModel(StatisticsService statistics, ProcedureCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Procedure { get; set; }

    public StatisticsReport Report { get; private set; } = null!;

    public IReadOnlyList<ProcedureSummary> Procedures { get; private set; } = [];

    /// <summary>The CSV of what the page shows: the same filters, as the API reads them.</summary>
    public string CsvLink { get; private set; } = "/api/v1/statistics/csv";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var from = Date(From);
        var to = Date(To);
        Procedures = catalog.Search(new CatalogQuery());
        var query = new StatisticsQuery(from, to, string.IsNullOrWhiteSpace(Procedure) ? null : Procedure);
        Report = await statistics.ComputeAsync(query, ct);
        var parameters = new Dictionary<string, string?>
        {
            ["from"] = from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["procedure"] = query.ProcedureCode,
        };
        CsvLink = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/api/v1/statistics/csv", parameters.Where(p => p.Value is not null));
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
