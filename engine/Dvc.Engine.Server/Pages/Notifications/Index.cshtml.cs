using System.Text.Json.Nodes;
using Dvc.Engine.Persistence;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Workflows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dvc.Engine.Server.Pages.Notifications;

/// <summary>
/// The citizen's notification centre: every message sent about their dossiers (e-mail, SMS, or only recorded when no
/// channel is configured), newest first, read from the dossiers' histories.
/// </summary>
[Authorize(Policy = DvcPolicies.SignedIn)]
internal sealed class IndexModel(DvcDbContext db) : PageModel
{
    private const int Shown = 200;

    public IReadOnlyList<SentNotification> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = Viewer.From(User).UserId;
        var rows = await db.DossierEvents.AsNoTracking()
            .Where(e => e.Kind == DossierEvents.Notified)
            .Join(db.Dossiers.AsNoTracking().Where(d => d.ApplicantUserId == user), e => e.DossierId, d => d.Id, (e, d) => new { d.Code, e.At, e.DataJson, e.Reason })
            .OrderByDescending(x => x.At)
            .Take(Shown)
            .ToListAsync(ct);
        Items = [.. rows.Select(r =>
        {
            var data = r.DataJson is { } json ? JsonNode.Parse(json) as JsonObject : null;
            return new SentNotification(
                r.Code,
                r.At,
                data?["channel"]?.GetValue<string>() ?? "email",
                data?["subject"]?.GetValue<string>(),
                data?["to"]?.GetValue<string>(),
                r.Reason);
        })];
    }

    public sealed record SentNotification(string DossierCode, DateTimeOffset At, string Channel, string? Subject, string? To, string? Text);
}
