using Dvc.Engine.Server.Statistics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dvc.Engine.Server.Pages.Statistics;

internal sealed class IndexModel(StatisticsService statistics) : PageModel
{
    public StatisticsReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Report = await statistics.ComputeAsync(ct);
}
