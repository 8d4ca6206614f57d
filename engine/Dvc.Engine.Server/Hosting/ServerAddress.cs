namespace Dvc.Engine.Server.Hosting;

/// <summary>
/// Where the server listens: <see cref="Default"/> unless <c>ASPNETCORE_URLS</c>, <c>--urls</c>, <c>ASPNETCORE_HTTP_PORTS</c>
/// or <c>Kestrel:Endpoints</c> say otherwise. The default lives here, not in the launch profile, because
/// <c>dotnet run</c> lets a profile's <c>applicationUrl</c> override the caller's <c>ASPNETCORE_URLS</c>.
/// </summary>
internal static class ServerAddress
{
    public const string Default = "http://localhost:5080";

    public static void UseDefaultUnlessConfigured(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var configured = !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
            || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
            || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey])
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!configured)
        {
            builder.WebHost.UseUrls(Default);
        }
    }
}
