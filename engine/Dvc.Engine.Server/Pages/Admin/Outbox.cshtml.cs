using System.Text.Json.Nodes;
using Dvc.Engine.Persistence.Outbox;
using Dvc.Engine.Server.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dvc.Engine.Server.Pages.Admin;

/// <summary>
/// Messages the outbox gave up on (an SMTP server, the national portal or a gateway kept failing): what, for which
/// dossier, how often and why, with a button to put each back in line once the cause is fixed. Messages ordered after
/// a dead letter of the same dossier wait for it, so the count of those waiting is shown too.
/// </summary>
[Authorize(Policy = DvcPolicies.SystemAdmin)]
internal sealed class OutboxModel(OutboxStore outbox) : PageModel
{
    public IReadOnlyList<DeadLetter> DeadLetters { get; private set; } = [];

    public int Blocked { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        DeadLetters = [.. (await outbox.ListDeadLetteredAsync(500, ct)).Select(m => new DeadLetter(
            m.Id, m.Kind, (JsonNode.Parse(m.PayloadJson) as JsonObject)?["dossierCode"]?.GetValue<string>(), m.CreatedAt, m.DeadLetteredAt, m.Attempts, m.LastError))];
        Blocked = await outbox.CountBlockedAsync(ct);
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct)
    {
        Message = await outbox.RetryDeadLetterAsync(id, ct) ? "retried" : "gone";
        return RedirectToPage();
    }

    public sealed record DeadLetter(Guid Id, string Kind, string? DossierCode, DateTimeOffset CreatedAt, DateTimeOffset? DeadLetteredAt, int Attempts, string? LastError);
}
