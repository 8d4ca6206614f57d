using System.Diagnostics;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Templates;
using Dvc.Engine.Core.Tests.Fixtures;

namespace Dvc.Engine.Core.Tests.Templates;

public sealed class TemplateRendererTests : IDisposable
{
    private const string Receipt = FixtureCatalog.ProcedureFolder + "/templates/receipt.sbn";
    private readonly FixtureCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    private static TemplateModel Model() => new(
        JsonNode.Parse("""
            { "applicant": { "fullName": "Lê Văn Cường", "birthDate": "1960-01-20", "citizenId": "001060012345" },
              "permitType": "khan", "copies": 3, "delivery": "post", "postalAddress": "Số 1 Tràng Tiền" }
            """)!.AsObject(),
        new JsonObject { ["code"] = "HN-TEST-001-2026-000123", ["fee"] = 1234567 },
        new DateOnly(2026, 3, 9));

    private CompiledProcedure WithReceipt(string template, TemplateLimits? limits = null)
    {
        _catalog.Write(Receipt, template);
        var compilation = new ProcedureCompiler(new ProcedureCompilerOptions { Templates = limits ?? TemplateLimits.Default }).CompileFolder(_catalog.ProcedurePath);
        Assert.Empty(compilation.Diagnostics);
        return compilation.Procedure!;
    }

    [Fact]
    public void The_result_template_renders_with_vietnamese_dates_money_and_labels()
    {
        var procedure = _catalog.CompileValid();

        var result = procedure.Render("result", Model());

        Assert.True(result.Success, result.Error);
        Assert.Contains("Cấp cho: Lê Văn Cường, sinh ngày 20/01/1960", result.Text, StringComparison.Ordinal);
        Assert.Contains("Loại: Cấp gấp", result.Text, StringComparison.Ordinal);
        Assert.Contains("Gửi về: Số 1 Tràng Tiền", result.Text, StringComparison.Ordinal);
        Assert.Contains("Lệ phí: 1.234.567 đ", result.Text, StringComparison.Ordinal);
        Assert.Contains("Ngày cấp: 09/03/2026", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_follow_the_requested_culture()
    {
        var procedure = WithReceipt("{{ label 'permitType' }}|{{ label 'delivery' 'counter' }}|{{ procedure.name }}");

        Assert.Equal("Cấp gấp|Tại bộ phận một cửa|Cấp giấy phép thử nghiệm", procedure.Render("receipt", Model()).Text);
        Assert.Equal("Urgent|At the counter|Issue a test permit", procedure.Render("receipt", Model(), "en").Text);
    }

    [Fact]
    public void An_unknown_template_name_is_a_failed_result_not_an_exception()
    {
        var result = _catalog.CompileValid().Render("certificate", Model());

        Assert.False(result.Success);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void A_loop_past_the_loop_limit_stops_the_render()
    {
        var procedure = WithReceipt("{{ for i in 1..100000 }}x{{ end }}");

        var result = procedure.Render("receipt", Model());

        Assert.False(result.Success);
        Assert.Empty(result.Text);
    }

    [Fact]
    public void Output_past_the_size_limit_stops_the_render()
    {
        var procedure = WithReceipt("{{ for i in 1..5000 }}{{ data.applicant.fullName }}{{ end }}", TemplateLimits.Default with { OutputLimit = 10_000 });

        var result = procedure.Render("receipt", Model());

        Assert.False(result.Success);
    }

    [Fact]
    public void A_string_doubled_thirty_times_stays_within_the_size_limit()
    {
        // 10 × 2^30 characters would be 20 GB; Scriban's string guard caps it near the limit instead.
        var procedure = WithReceipt("{{ s = 'xxxxxxxxxx' }}{{ for i in 1..30 }}{{ s = s + s }}{{ end }}{{ s | string.size }}", TemplateLimits.Default with { OutputLimit = 100_000 });

        var result = procedure.Render("receipt", Model());

        Assert.True(!result.Success || long.Parse(result.Text, System.Globalization.CultureInfo.InvariantCulture) <= 2 * 100_000 + 10, result.Text);
    }

    [Fact]
    public void Endless_recursion_stops_at_the_recursion_limit()
    {
        var procedure = WithReceipt("{{ func f(n) }}{{ f(n + 1) }}{{ end }}{{ f 1 }}");

        var result = procedure.Render("receipt", Model());

        Assert.False(result.Success);
    }

    [Fact]
    public void A_render_that_runs_too_long_is_stopped_by_the_time_limit()
    {
        var procedure = WithReceipt(
            "{{ for i in 1..100000 }}{{ for j in 1..100000 }}{{ k = i * j }}{{ end }}{{ end }}done",
            TemplateLimits.Default with { LoopLimit = 0, Timeout = TimeSpan.FromMilliseconds(200) });
        var stopwatch = Stopwatch.StartNew();

        var result = procedure.Render("receipt", Model());

        Assert.False(result.Success);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"took {stopwatch.Elapsed}");
    }

    [Theory]
    [InlineData("{{ data.applicant.fullName.GetType }}")]
    [InlineData("{{ data.GetType }}")]
    [InlineData("{{ data | object.typeof }}")]
    [InlineData("{{ dossier.code.Length }}")]
    public void Dotnet_members_are_not_reachable_from_templates(string expression)
    {
        _catalog.Write(Receipt, expression);

        var compilation = _catalog.Compile();
        var text = compilation.Procedure?.Render("receipt", Model()).Text ?? string.Empty;

        Assert.DoesNotContain("System", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Today_defaults_to_the_date_in_vietnam_from_the_injected_clock()
    {
        _catalog.Write(Receipt, "{{ today }}");
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 9, 20, 0, 0, TimeSpan.Zero));
        var procedure = new ProcedureCompiler(new ProcedureCompilerOptions { Clock = clock }).CompileFolder(_catalog.ProcedurePath).Procedure!;

        var result = procedure.Render("receipt", Model() with { Today = null });

        Assert.Equal("2026-03-10", result.Text);
    }

    [Fact]
    public void One_render_cannot_change_the_functions_the_next_render_sees()
    {
        var procedure = WithReceipt("{{ string = 'gone' }}{{ math.round = 0 }}{{ x = 1 }}");
        procedure.Render("receipt", Model());
        _catalog.Write(Receipt, "{{ 'a' | string.upcase }}{{ x }}");
        var next = _catalog.Compile().Procedure!;

        var result = next.Render("receipt", Model());

        Assert.Equal("A", result.Text);
    }

    [Fact]
    public void Templates_cannot_read_the_clock()
    {
        var procedure = WithReceipt("{{ today }}");

        Assert.Equal("2026-03-09", procedure.Render("receipt", Model()).Text);
    }
}
