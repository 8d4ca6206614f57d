using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Dvc.Engine.Server.Tests.Endpoints.Activities;

public sealed class ActivityEndpointsTests : IDisposable
{
    private readonly string _plugins = Directory.CreateTempSubdirectory("dvc-plugins-").FullName;

    [Fact]
    public async Task The_palette_lists_built_in_activities_with_vietnamese_names_and_outcomes()
    {
        using var server = new DvcServerFactory();

        var palette = JsonNode.Parse(await server.CreateBrowserlessClient().GetStringAsync("/api/v1/activities"))!.AsArray();

        var humanTask = palette.Single(a => a!["type"]!.GetValue<string>() == "Dvc.HumanTask")!;
        Assert.False(string.IsNullOrEmpty(humanTask["displayNameVi"]!.GetValue<string>()));
        Assert.Contains(palette, a => a!["type"]!.GetValue<string>() == "Elsa.FlowDecision");
        Assert.DoesNotContain(palette, a => a!["type"]!.GetValue<string>() == "Sample.Stamp");
    }

    [Fact]
    public async Task The_palette_lists_the_shared_workflows_usable_as_activities_with_their_inputs_and_outcomes()
    {
        using var server = new DvcServerFactory();

        var palette = JsonNode.Parse(await server.CreateBrowserlessClient().GetStringAsync("/api/v1/activities"))!.AsArray();

        var step = palette.Single(a => a!["type"]!.GetValue<string>() == "OfficerStep")!;
        Assert.Contains("role", step["inputs"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
        Assert.Equal(["Accepted", "Rejected", "Cancelled"], step["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
    }

    [Fact]
    public async Task A_plugin_dropped_in_the_configured_folder_adds_its_activity()
    {
        CopySamplePlugin();
        using var server = new DvcServerFactory();
        using var withPlugins = server.WithWebHostBuilder(b => b.UseSetting("Dvc:PluginsPath", _plugins));

        var palette = JsonNode.Parse(await withPlugins.CreateClient().GetStringAsync("/api/v1/activities"))!.AsArray();

        Assert.Contains(palette, a => a!["type"]!.GetValue<string>() == "Sample.Stamp");
    }

    [Fact]
    public void A_plugin_that_cannot_load_stops_the_server_at_start()
    {
        File.WriteAllText(Path.Combine(_plugins, "Broken.dll"), "not an assembly");
        using var server = new DvcServerFactory();
        using var withPlugins = server.WithWebHostBuilder(b => b.UseSetting("Dvc:PluginsPath", _plugins));

        var error = Assert.ThrowsAny<Exception>(() => withPlugins.CreateClient());

        Assert.Contains("Broken.dll", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_plugins, recursive: true);

    private void CopySamplePlugin([CallerFilePath] string path = "")
    {
        // tests/Dvc.Engine.Server.Tests/Endpoints/Activities → tests/SamplePlugin/bin/<Configuration>/net10.0
        var tests = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        File.Copy(Path.Combine(tests, "SamplePlugin", "bin", configuration, "net10.0", "SamplePlugin.dll"), Path.Combine(_plugins, "SamplePlugin.dll"));
    }
}
