namespace Dvc.Engine.Server.Accounts;

/// <summary>An officer or agency admin as the agency admin page lists them.</summary>
internal sealed record StaffAccount(string Id, string Email, string FullName, string Role, IReadOnlyList<string> TaskRoles, bool LockedOut);
