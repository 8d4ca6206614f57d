using Microsoft.AspNetCore.Hosting;

namespace Dvc.Engine.Server.Tests.Infrastructure;

/// <summary>
/// What every test host of the server sets before its own settings (linked into the plugin tests too, so the two
/// hosts cannot drift apart).
/// </summary>
internal static class TestHostDefaults
{
    public static void Apply(IWebHostBuilder builder)
    {
        builder.UseSetting("Dvc:SeedDemoAccounts", "true");
        // Tests fire timers and deliver the outbox themselves, after moving the fake clock.
        builder.UseSetting("Dvc:Background:Enabled", "false");
        // No Development simulators (fixed ports) and no gateway unless a test starts its own peers.
        builder.UseSetting("Dvc:Simulator:Enabled", "false");
        builder.UseSetting("Plugins:Payments:GatewayUrl", "");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Every test signs in from one address; the throttling tests set their own limits.
        builder.UseSetting("Dvc:Throttling:SignInsPerAddressPerMinute", "100000");
        builder.UseSetting("Dvc:Throttling:TrackingPerAddressPerMinute", "100000");
        // National identity sign-in is on only in the classes that start a provider; Development's stand-in never
        // starts here: a second web application built inside Program would be taken for the server by the test host.
        builder.UseSetting("Dvc:OpenIdConnect:Enabled", "false");
        builder.UseSetting("Dvc:OpenIdConnect:StandIn", "false");
    }
}
