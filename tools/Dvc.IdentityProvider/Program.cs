namespace Dvc.IdentityProvider;

/// <summary>
/// Standalone: <c>dotnet run --project tools/Dvc.IdentityProvider -- http://localhost:5082 http://localhost:5080</c>
/// serves the provider for a portal at the second address (the server also hosts it itself in Development).
/// </summary>
internal static class Program
{
    public static async Task Main(string[] args)
    {
        var url = args.Length > 0 ? args[0] : "http://localhost:5082";
        var portal = new Uri(args.Length > 1 ? args[1] : "http://localhost:5080");
        var (app, address) = await IdentityProviderApp.StartAsync(url, options => options.Clients.Add(DevelopmentClient.For(portal)));
        Console.WriteLine($"Identity provider at {address} for {portal}");
        await app.WaitForShutdownAsync();
    }
}
