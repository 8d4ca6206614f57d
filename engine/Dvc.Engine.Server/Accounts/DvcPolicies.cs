namespace Dvc.Engine.Server.Accounts;

/// <summary>Authorization policies shared by pages and the API.</summary>
internal static class DvcPolicies
{
    /// <summary>Any signed-in account (citizens submit and follow their dossiers).</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>Officers, agency admins and system admins: inbox, tasks, assisted submission.</summary>
    public const string Staff = "Staff";

    /// <summary>Agency admins (their own agency) and system admins (every agency): officer accounts.</summary>
    public const string AgencyAdmin = "AgencyAdmin";

    public const string SystemAdmin = "SystemAdmin";
}
