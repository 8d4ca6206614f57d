using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json.Nodes;
using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Persistence.Outbox;
using Dvc.Engine.Sdk.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dvc.Engine.Server.Outbox;

/// <summary>
/// Turns dossier events into outbox messages for the deliveries that subscribe to them
/// (<see cref="IOutboxDelivery.DossierEvents"/>), in the same SaveChanges as the events: a status change and its
/// notification or national-portal sync commit together, whichever store wrote the event. Each message is ordered
/// after the earlier ones of its delivery and dossier (key <c>kind:dossier</c>, sequence = the event's sequence).
/// </summary>
internal sealed class DossierEventFanOut(IServiceScopeFactory scopes, TimeProvider clock) : SaveChangesInterceptor
{
    private FrozenDictionary<string, string[]>? _subscriptions;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await StageAsync(context, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            StageAsync(context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        return result;
    }

    private async ValueTask StageAsync(DbContext context, CancellationToken cancellationToken)
    {
        var subscriptions = Subscriptions();
        if (subscriptions.Count == 0)
        {
            return;
        }

        var added = context.ChangeTracker.Entries<DossierEvent>()
            .Where(e => e.State == EntityState.Added && subscriptions.ContainsKey(e.Entity.Kind))
            .Select(e => e.Entity)
            .ToList();
        var codes = new Dictionary<Guid, string>();
        foreach (var e in added)
        {
            if (!codes.TryGetValue(e.DossierId, out var code))
            {
                code = context.ChangeTracker.Entries<Dossier>().FirstOrDefault(d => d.Entity.Id == e.DossierId)?.Entity.Code
                    ?? await context.Set<Dossier>().AsNoTracking().Where(d => d.Id == e.DossierId).Select(d => d.Code).FirstOrDefaultAsync(cancellationToken)
                    ?? string.Empty;
                codes[e.DossierId] = code;
            }

            var payload = new JsonObject
            {
                ["dossierCode"] = code,
                ["event"] = new JsonObject
                {
                    ["sequence"] = e.Sequence,
                    ["kind"] = e.Kind,
                    ["at"] = e.At.ToString("O", CultureInfo.InvariantCulture),
                    ["actor"] = e.Actor,
                    ["data"] = e.DataJson is { } json ? JsonNode.Parse(json) : null,
                    ["reason"] = e.Reason,
                },
            }.ToJsonString();
            foreach (var kind in subscriptions[e.Kind])
            {
                context.Add(OutboxStore.NewMessage(
                    new NewOutboxMessage(kind, payload) { OrderingKey = $"{kind}:{e.DossierId:N}", Sequence = e.Sequence },
                    clock.GetUtcNow()));
            }
        }
    }

    /// <summary>Event kind → the delivery kinds subscribed to it, read once from the registered deliveries.</summary>
    private FrozenDictionary<string, string[]> Subscriptions()
    {
        if (_subscriptions is { } known)
        {
            return known;
        }

        using var scope = scopes.CreateScope();
        var map = scope.ServiceProvider.GetServices<IOutboxDelivery>()
            .SelectMany(d => d.DossierEvents.Select(kind => (Event: kind, d.Kind)))
            .GroupBy(x => x.Event, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Kind).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        return _subscriptions = map;
    }
}
