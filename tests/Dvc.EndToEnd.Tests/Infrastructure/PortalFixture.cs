namespace Dvc.EndToEnd.Tests.Infrastructure;

/// <summary>One server process and one browser for a test class.</summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public ServerProcess Server { get; } = new();

    public BrowserFixture Browser { get; } = new();

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        await Server.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Browser.DisposeAsync();
    }
}
