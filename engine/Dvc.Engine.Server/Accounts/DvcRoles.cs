namespace Dvc.Engine.Server.Accounts;

/// <summary>Identity roles. A procedure's own task roles (e.g. "tiep-nhan") are claims, not Identity roles.</summary>
internal static class DvcRoles
{
    public const string Citizen = "Citizen";
    public const string Officer = "Officer";
    public const string AgencyAdmin = "AgencyAdmin";
    public const string SystemAdmin = "SystemAdmin";

    public static readonly string[] All = [Citizen, Officer, AgencyAdmin, SystemAdmin];
}
