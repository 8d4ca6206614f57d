namespace Dvc.Engine.Sdk;

/// <summary>
/// Stimulus kinds (<see cref="BookmarkRequest.Name"/>) the host understands. A plugin activity that waits for the same
/// thing as a built-in one uses the same name, so the dossier's status, the statutory clock and the portal follow it:
/// an online payment waits on <see cref="Payment"/> whichever gateway takes the money.
/// </summary>
public static class BookmarkNames
{
    /// <summary>An officer's decision; the dossier is being processed.</summary>
    public const string HumanTask = "Dvc.HumanTask";

    /// <summary>
    /// A payment by the citizen: the dossier is "awaiting payment" and the clock stops. Payload: <c>amount</c> (VND),
    /// <c>description</c>, <c>dueAt</c> (ISO 8601); a connected <see cref="Hosting.IPaymentGateway"/> takes the citizen to pay.
    /// Resumed with <c>{ status: "Paid" | "Failed" | "Expired", transactionId, … }</c>, or by its timer at <c>dueAt</c>.
    /// </summary>
    public const string Payment = "Dvc.RequestPayment";

    /// <summary>A supplement from the citizen: the dossier is "awaiting supplement" and the clock stops.</summary>
    public const string Supplement = "Dvc.WaitForSupplement";
}
