using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Statistics;

/// <summary>Regression: before the first dossier the three tables were bare header rows with nothing to say why.</summary>
public sealed class StatisticsPageTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    [Fact]
    public async Task Before_any_dossier_each_table_says_there_is_nothing_yet()
    {
        var client = server.CreateBrowserlessClient();

        var html = await client.GetStringAsync("/statistics");

        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(html, "Chưa có hồ sơ nào được tiếp nhận."));
    }
}
