using Dvc.Engine.Persistence.Identity;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Errors;
using Dvc.Engine.Server.Hosting;
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
        group.MapPost("/session", SignIn).WithName("SignIn").RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Sign in with e-mail and password; sets the session cookie. Failures are throttled per address and per account.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapDelete("/session", SignOut).WithName("SignOut").WithSummary("Sign out.");
        group.MapPost("/accounts", Register).WithName("RegisterCitizen").RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Register a citizen account. Accepted alike whether the address was new, already registered, or an account made at the counter (then a link to claim it is e-mailed).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/accounts/password-links", SendPasswordLink).WithName("SendPasswordLink").RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("E-mail a link to set a new password (forgotten password, or claiming an account made at the counter). Always 202: it never tells who has an account.");
        return group;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SignIn(SignInRequest request, HttpContext http, SignInGuard guard, PortalText text)
    {
        // A body without email or password is simply wrong credentials (JSON leaves the members null).
        switch (await guard.PasswordSignInAsync(http, request.Email, request.Password, persistent: false))
        {
            case SignInOutcome.Success:
                return TypedResults.NoContent();
            case SignInOutcome.Throttled throttled:
                return ApiProblems.TooManyRequests(http, throttled.RetryAfter, text);
            default:
                return TypedResults.Problem(
                    title: text["problem.badCredentials"],
                    detail: text["account.invalid"],
                    statusCode: StatusCodes.Status401Unauthorized,
                    type: ProblemTypes.Unauthorized);
        }
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

    private static async Task<Results<Accepted<RegistrationAnswer>, ValidationProblem>> Register(
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

        // An account an officer made at the counter is claimed through a link to its address, with the same answer.
        if (await links.IsUnclaimedAsync(request.Email.Trim()))
        {
            await links.SendAsync(request.Email.Trim(), RequestBase(http), ct);
            return TypedResults.Accepted((string?)null, new RegistrationAnswer(text["account.registered"]));
        }

        var errors = await accounts.RegisterPubliclyAsync(request.Email.Trim(), request.FullName.Trim(), request.Password);
        if (errors.Count == 0)
        {
            return TypedResults.Accepted((string?)null, new RegistrationAnswer(text["account.registered"]));
        }

        return ApiProblems.Validation(
            errors.GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "/password" : "/email")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).Distinct(StringComparer.Ordinal).ToArray()),
            text);
    }

    private static string RequestBase(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
}
