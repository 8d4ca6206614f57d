using System.Net;
using Dvc.Engine.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace Dvc.Engine.Server.Tests.Hosting;

public sealed class HostingTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    [Fact]
    public async Task Health_reports_healthy_with_the_database_reachable()
    {
        var client = server.CreateBrowserlessClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Dvc:TaskPageSize", "0")]
    [InlineData("Dvc:Uploads:MaxFileSizeMb", "1000")]
    [InlineData("Dvc:Background:PollSeconds", "0")]
    public void Bad_configuration_stops_the_server_at_start(string setting, string value)
    {
        using var misconfigured = server.WithWebHostBuilder(b => b.UseSetting(setting, value));

        var error = Record.Exception(() => misconfigured.CreateClient());

        Assert.IsType<OptionsValidationException>(error);
    }
}
