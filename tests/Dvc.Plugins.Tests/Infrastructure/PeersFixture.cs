namespace Dvc.Plugins.Tests.Infrastructure;

/// <summary>One <see cref="Peers"/> for a whole test class.</summary>
public sealed class PeersFixture : IAsyncLifetime
{
    public Peers Peers { get; private set; } = null!;

    public async Task InitializeAsync() => Peers = await Peers.StartAsync();

    public async Task DisposeAsync() => await Peers.DisposeAsync();
}
