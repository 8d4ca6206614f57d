namespace Dvc.Engine.Server.Errors;

/// <summary>
/// Stable slugs used as the ProblemDetails <c>type</c>. Clients switch on these, so they never change meaning;
/// a new kind of error gets a new slug.
/// </summary>
internal static class ProblemTypes
{
    private const string Base = "https://dvc.hanoi.gov.vn/problems/";

    public const string Validation = Base + "validation";
    public const string NotEligible = Base + "not-eligible";
    public const string NotFound = Base + "not-found";
    public const string Conflict = Base + "conflict";
    public const string DoesNotCompile = Base + "does-not-compile";
    public const string Unauthorized = Base + "unauthorized";
    public const string Forbidden = Base + "forbidden";
    public const string Unexpected = Base + "unexpected";
    public const string BadRequest = Base + "bad-request";
    public const string RulesRefused = Base + "rules-refused";
}
