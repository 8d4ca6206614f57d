using System.Collections.Concurrent;
using System.Globalization;

namespace Dvc.Plugins.Simulator.VnPay;

/// <summary>What the simulated gateway did: each transaction with the IPNs it sent and the merchant's answers.</summary>
internal sealed class GatewayTransactions
{
    private readonly ConcurrentDictionary<string, GatewayTransaction> _byRef = new(StringComparer.Ordinal);
    private int _next = 14_000_000;

    public IReadOnlyList<GatewayTransaction> All => [.. _byRef.Values.OrderBy(t => t.CreatedAt)];

    public GatewayTransaction? Find(string txnRef) => _byRef.GetValueOrDefault(txnRef);

    public GatewayTransaction Record(string txnRef, IReadOnlyDictionary<string, string> result, string ipnUrl, DateTimeOffset at)
    {
        var transaction = new GatewayTransaction(txnRef, result, ipnUrl, at);
        _byRef[txnRef] = transaction;
        return transaction;
    }

    public string NextTransactionNo() => Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
}

/// <summary>One completed attempt at the gateway: the signed result fields, and each IPN sent for it.</summary>
internal sealed class GatewayTransaction(string txnRef, IReadOnlyDictionary<string, string> result, string ipnUrl, DateTimeOffset createdAt)
{
    private readonly ConcurrentQueue<IpnAttempt> _ipns = new();

    public string TxnRef => txnRef;

    public IReadOnlyDictionary<string, string> Result => result;

    public string IpnUrl => ipnUrl;

    public DateTimeOffset CreatedAt => createdAt;

    public IReadOnlyList<IpnAttempt> Ipns => [.. _ipns];

    public void Add(IpnAttempt attempt) => _ipns.Enqueue(attempt);
}

/// <summary>An IPN sent: how (<c>now</c>, <c>late</c>, <c>repeat</c>, <c>forged</c>, <c>amount</c>), and the merchant's answer.</summary>
public sealed record IpnAttempt(string Mode, DateTimeOffset At, int HttpStatus, string? RspCode, string? Body);
