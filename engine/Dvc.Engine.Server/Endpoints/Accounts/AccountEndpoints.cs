using Dvc.Engine.Persistence.Identity;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Errors;
using Dvc.Engine.Server.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Dvc.Engine.Server.Endpoints.Accounts;

/// <summary>Sign-in for API clients (the same cookie the portal uses) and citizen registration.</summary>
internal static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Accounts").AllowAnonymous();
        group.MapPost("/session", SignIn).WithName("SignIn").WithSummary("Sign in with e-mail and password; sets the session cookie. Lockout applies.");
        group.MapDelete("/session", SignOut).WithName("SignOut").WithSummary("Sign out.");
        group.MapPost("/accounts", Register).WithName("RegisterCitizen")
            .WithSummary("Register a citizen account. For an account an officer created at the counter (no password yet), answers 202 and e-mails a link to claim it.");
        group.MapPost("/accounts/password-links", SendPasswordLink).WithName("SendPasswordLink")
            .WithSummary("E-mail a link to set a new password (forgotten password, or claiming an account made at the counter). Always 202: it never tells who has an account.");
        return group;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SignIn(SignInRequest request, SignInManager<DvcUser> signIn, PortalText text)
    {
        // A body without email or password is simply wrong credentials (JSON leaves the members null).
        var result = string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password)
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(request.Email.Trim(), request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return TypedResults.NoContent();
        }

        return TypedResults.Problem(
            title: text["problem.badCredentials"],
            detail: result.IsLockedOut ? text["account.locked"] : text["account.invalid"],
            statusCode: StatusCodes.Status401Unauthorized,
            type: ProblemTypes.Unauthorized);
    }

    private static async Task<NoContent> SignOut(SignInManager<DvcUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Accepted> SendPasswordLink(PasswordLinkRequest request, PasswordLinks links, HttpContext http, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(request.Email))
        {
            await links.SendAsync(request.Email, RequestBase(http), ct);
        }

        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<Created, Accepted, ValidationProblem>> Register(
        RegisterRequest request, AccountService accounts, PasswordLinks links, PortalText text, HttpContext http, CancellationToken ct)
    {
        var missing = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (pointer, value) in new[] { ("/email", request.Email), ("/fullName", request.FullName), ("/password", request.Password) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                missing[pointer] = [text["account.fieldRequired"]];
            }
        }

        if (missing.Count > 0)
        {
            return ApiProblems.Validation(missing, text);
        }

        if (await links.IsUnclaimedAsync(request.Email.Trim()))
        {
            await links.SendAsync(request.Email.Trim(), RequestBase(http), ct);
            return TypedResults.Accepted((string?)null);
        }

        var result = await accounts.RegisterCitizenAsync(request.Email.Trim(), request.FullName.Trim(), request.Password);
        if (result.Succeeded)
        {
            return TypedResults.Created();
        }

        return ApiProblems.Validation(
            result.Errors.GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "/password" : "/email")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).Distinct(StringComparer.Ordinal).ToArray()),
            text);
    }

    private static string RequestBase(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
}
