namespace Dvc.Engine.Server.Dossiers;

/// <summary>The dossier statuses the portal shows (labels in PortalText under <c>status.*</c>).</summary>
internal static class DossierStatuses
{
    public const string Draft = "Draft";
    public const string Submitted = "Submitted";
    public const string Processing = "Processing";
    public const string AwaitingSupplement = "AwaitingSupplement";
    public const string AwaitingPayment = "AwaitingPayment";
    public const string Approved = "Approved";
    public const string Completed = "Completed";
    public const string Rejected = "Rejected";
    public const string Cancelled = "Cancelled";

    public static bool IsFinished(string status) => status is Approved or Completed or Rejected or Cancelled;
}
