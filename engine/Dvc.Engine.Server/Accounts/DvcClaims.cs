namespace Dvc.Engine.Server.Accounts;

/// <summary>Claims stored with an account (AspNetUserClaims) and issued in its cookie.</summary>
internal static class DvcClaims
{
    /// <summary>The agency code an officer or agency admin works for (e.g. "UBND-PHUONG-HOAN-KIEM").</summary>
    public const string Agency = "dvc:agency";

    /// <summary>A workflow task role the officer holds (the <c>role</c> of a <c>Dvc.HumanTask</c>); one claim per role, "*" for all.</summary>
    public const string TaskRole = "dvc:task-role";

    /// <summary>Full name shown on dossiers and decisions.</summary>
    public const string FullName = "dvc:name";

    /// <summary>
    /// The personal identification number the national identity provider vouched for on this account (never a typed
    /// one): the key that links a citizen's dossiers across accounts.
    /// </summary>
    public const string CitizenId = "dvc:citizen-id";

    public const string AnyTaskRole = "*";
}
