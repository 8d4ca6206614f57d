namespace Dvc.Engine.Server.Dossiers;

/// <summary>What an <c>Idempotency-Key</c> can be used for; stored with the key, so the names are stable data.</summary>
internal static class IdempotentOperations
{
    public const string Submit = "submit";
    public const string Pay = "pay";
}
