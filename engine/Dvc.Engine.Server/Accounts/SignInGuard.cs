using System.Text.Json;
using System.Threading.RateLimiting;
using Dvc.Engine.Persistence.Identity;
using Dvc.Engine.Server.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dvc.Engine.Server.Accounts;

/// <summary>
/// Password sign-in for pages and API, built so that an attacker can neither guess quickly nor keep an officer out:
/// <list type="bullet">
/// <item>Failed attempts for one e-mail address are throttled (<see cref="ThrottlingOptions.SignInsPerAccountPer15Minutes"/>)
/// and wrong passwords lock the account for 15 minutes (Identity's lockout, in the database) — for browsers the
/// account never signed in on.</item>
/// <item>A browser that signed in successfully gets a device cookie naming the account (OWASP "device cookies"). From
/// that browser the account signs in past the lockout and the per-account throttle that strangers caused; its own
/// wrong passwords are limited per device. So a flood of wrong passwords from elsewhere never locks an officer out of
/// the office computer.</item>
/// <item>Every failure reads the same, whether the address has an account, the password was wrong or the account is
/// locked, and an unknown address costs a password hash like a known one.</item>
/// </list>
/// </summary>
internal sealed class SignInGuard(
    SignInManager<DvcUser> signIn,
    UserManager<DvcUser> users,
    IDataProtectionProvider protection,
    SignInGuard.Limiters limiters)
{
    public const string DeviceCookie = "dvc.device";

    private static readonly TimeSpan DeviceLifetime = TimeSpan.FromDays(180);

    private readonly ITimeLimitedDataProtector _devices = protection.CreateProtector("Dvc.SignIn.Devices").ToTimeLimitedDataProtector();

    public async Task<SignInOutcome> PasswordSignInAsync(HttpContext http, string? email, string? password, bool persistent)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return SignInOutcome.Failed;
        }

        var normalized = email.Trim().ToUpperInvariant();
        var user = await users.FindByEmailAsync(email.Trim());
        var device = ReadDevice(http);
        var trusted = user is not null && device.Accounts.Contains(user.Id, StringComparer.Ordinal);

        // A stranger's failures count against the address; a known browser's against itself. Only failures count,
        // so an officer who signs in and out all day is never throttled.
        var (limiter, key) = trusted
            ? (limiters.Devices, device.Id + "|" + user!.Id)
            : (limiters.Accounts, normalized);
        if (limiter.GetStatistics(key) is { CurrentAvailablePermits: <= 0 })
        {
            return new SignInOutcome.Throttled(Limiters.Window);
        }

        var outcome = await AttemptAsync(http, user, password, persistent, device, trusted);
        if (outcome != SignInOutcome.Succeeded)
        {
            limiter.AttemptAcquire(key).Dispose();
        }

        return outcome;
    }

    private async Task<SignInOutcome> AttemptAsync(HttpContext http, DvcUser? user, string password, bool persistent, Device device, bool trusted)
    {
        if (user is null)
        {
            // The same work as a real check, so the answer's timing does not tell that the address is unknown.
            users.PasswordHasher.HashPassword(new DvcUser(), password);
            return SignInOutcome.Failed;
        }

        if (trusted)
        {
            // Past the lockout strangers caused, but never past an administrator's permanent lock.
            if (!await users.CheckPasswordAsync(user, password)
                || (await users.GetLockoutEndDateAsync(user) is { } end && end > DateTimeOffset.UtcNow.AddYears(50))
                || !await signIn.CanSignInAsync(user))
            {
                return SignInOutcome.Failed;
            }

            await signIn.SignInAsync(user, persistent);
            RememberDevice(http, device, user.Id);
            return SignInOutcome.Succeeded;
        }

        var result = await signIn.PasswordSignInAsync(user, password, persistent, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            return SignInOutcome.Failed;
        }

        RememberDevice(http, device, user.Id);
        return SignInOutcome.Succeeded;
    }

    private Device ReadDevice(HttpContext http)
    {
        if (http.Request.Cookies.TryGetValue(DeviceCookie, out var value) && !string.IsNullOrEmpty(value))
        {
            try
            {
                if (JsonSerializer.Deserialize<Device>(_devices.Unprotect(value)) is { } device)
                {
                    return device;
                }
            }
            catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException)
            {
                // Forged, expired or from an old key ring: an unknown browser.
            }
        }

        return new Device(Guid.NewGuid().ToString("N"), []);
    }

    private void RememberDevice(HttpContext http, Device device, string userId)
    {
        // A shared counter computer keeps its last few officers.
        var accounts = device.Accounts.Where(a => a != userId).Prepend(userId).Take(5).ToArray();
        http.Response.Cookies.Append(DeviceCookie, _devices.Protect(JsonSerializer.Serialize(device with { Accounts = accounts }), DeviceLifetime), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            IsEssential = true,
            MaxAge = DeviceLifetime,
            Path = "/",
        });
    }

    private sealed record Device(string Id, string[] Accounts);

    /// <summary>The in-memory failure counters behind the guard (one set per process, like the rate limiting middleware's).</summary>
    internal sealed class Limiters(IOptions<ThrottlingOptions> options) : IDisposable
    {
        /// <summary>How far back failures count.</summary>
        public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

        /// <summary>Failures for one e-mail address from browsers it never signed in on.</summary>
        public PartitionedRateLimiter<string> Accounts { get; } = Create(options.Value.SignInsPerAccountPer15Minutes);

        /// <summary>Wrong passwords from one known browser for one account: 5 per 15 minutes.</summary>
        public PartitionedRateLimiter<string> Devices { get; } = Create(5);

        public void Dispose()
        {
            Accounts.Dispose();
            Devices.Dispose();
        }

        private static PartitionedRateLimiter<string> Create(int limit) =>
            PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = Window,
                SegmentsPerWindow = 15,
                QueueLimit = 0,
            }));
    }
}

/// <summary>What a sign-in attempt led to. Failures are not told apart (no account, wrong password, locked).</summary>
internal abstract record SignInOutcome
{
    private SignInOutcome()
    {
    }

    public static readonly SignInOutcome Succeeded = new Success();
    public static readonly SignInOutcome Failed = new Failure();

    public sealed record Success : SignInOutcome;

    public sealed record Failure : SignInOutcome;

    /// <summary>Too many failures for this address (or from this browser): try again after <paramref name="RetryAfter"/>.</summary>
    public sealed record Throttled(TimeSpan RetryAfter) : SignInOutcome;
}
