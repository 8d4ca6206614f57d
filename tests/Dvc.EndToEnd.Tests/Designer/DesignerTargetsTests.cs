using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Dvc.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Dvc.EndToEnd.Tests.Designer;

/// <summary>
/// Issue 17's targets, measured in chromium on a procedure of 40 fields and 20 rules (imported as a bundle): the
/// editor interactive, a field edit seen in the preview and the problems panel, publishing, and the largest message on
/// the Blazor circuit. Figures are written to the test output and TestResults/designer-targets.txt and reported in
/// designer/BENCHMARKS.md; the test asserts the behaviour, not the figures (the 32 KB message limit is not met yet).
/// </summary>
[Collection(DesignerCollection.Name)]
public sealed class DesignerTargetsTests(PortalFixture portal, ITestOutputHelper output)
{
    [Fact]
    public async Task A_40_field_20_rule_procedure_is_measured_against_the_designer_targets()
    {
        var admin = await DesignerSession.OpenAsync(portal.Browser.Browser, portal.Server.Address, "lanhdao.hn-stp@dvc.local", "CanBo@2026");
        var page = admin.Page;

        // Start from the scaffold, export it, grow it to 40 fields and 20 rules, import it under a new code.
        await page.ClickAsync("#new-procedure");
        await page.ClickAsync("#source-scaffold");
        await page.FillAsync("#new-code", "HN-TP-091");
        await page.FillAsync("#new-name-vi", "Thủ tục mẫu 40 trường");
        await page.FillAsync("#new-name-en", "Sample procedure with 40 fields");
        await page.ClickAsync("#create");
        await Assertions.Expect(page.Locator("#form-builder")).ToBeVisibleAsync();
        var exported = await page.APIRequest.GetAsync("/designer/export/HN-TP-091.json");
        var bundle = Grow(JsonNode.Parse(await exported.TextAsync())!.AsObject(), "HN-TP-091", "HN-TP-092");
        await page.GotoAsync("/designer");
        await page.ClickAsync("#import-open");
        await page.SetInputFilesAsync("#import-file", new FilePayload { Name = "HN-TP-092.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(bundle.ToJsonString()) });
        await page.ClickAsync("#import-form button[type=submit]");
        await page.WaitForURLAsync("**/designer/procedures/HN-TP-092");
        await Assertions.Expect(page.Locator("#no-problems")).ToBeVisibleAsync();

        // Interactive: from navigation until every field row and the problems panel are on the page.
        var interactive = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            await page.GotoAsync("/designer/procedures/HN-TP-092");
            await Assertions.Expect(page.Locator(".field-row")).ToHaveCountAsync(40);
            await Assertions.Expect(page.Locator("#no-problems")).ToBeVisibleAsync();
            interactive.Add(watch.Elapsed.TotalMilliseconds);
        }

        // A field edit until the preview shows it and the problems panel has re-checked.
        admin.ResetFrames();
        var edits = new List<double>();
        var checks = new List<string>();
        admin.Step("select a field");
        await page.ClickAsync(".field-row[data-path='truong07'] .row-main");
        admin.Step("edit a label");
        for (var i = 0; i < 5; i++)
        {
            var label = $"Trường số bảy, lần {i + 1}";
            var watch = Stopwatch.StartNew();
            await page.FillAsync("#prop-label-vi", label);
            await page.PressAsync("#prop-label-vi", "Tab");
            await Assertions.Expect(page.FrameLocator("#preview-frame").Locator("label", new() { HasText = label })).ToBeVisibleAsync();
            edits.Add(watch.Elapsed.TotalMilliseconds);
            checks.Add((await page.Locator("#check-time").TextContentAsync())?.Trim() ?? "");
        }

        // An error shows in the problems panel and a click selects the field and its label.
        admin.Step("clear a label");
        await page.FillAsync("#prop-label-vi", "");
        await page.PressAsync("#prop-label-vi", "Tab");
        await Assertions.Expect(page.Locator(".problem[data-code='DVC-FORM-004']")).ToBeVisibleAsync();
        admin.Step("open the rules tab");
        await page.ClickAsync("#tab-rules");
        admin.Step("follow a problem's link");
        await page.ClickAsync(".problem[data-code='DVC-FORM-004'] .problem-link");
        await Assertions.Expect(page.Locator("#field-props[data-path='truong07']")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.activeElement?.id === 'prop-label-vi'");
        await admin.ScreenshotAsync("problem-selected-1280");
        await admin.ChangeAsync(page.Locator("#prop-label-vi"), "Trường số bảy");
        var largestWhere = admin.LargestFrameWhere;
        var byStep = admin.LargestByStep;

        // Publish.
        await page.ClickAsync("#tab-versions");
        await page.FillAsync("#publish-note", "Đo thời gian công bố");
        await page.PressAsync("#publish-note", "Tab");
        var publishWatch = Stopwatch.StartNew();
        await page.ClickAsync("#publish");
        await Assertions.Expect(page.Locator("#publish-result")).ToHaveAttributeAsync("data-status", "Published");
        var publish = publishWatch.Elapsed.TotalMilliseconds;
        var serverPublish = await page.Locator("#publish-result").TextContentAsync();

        // The same pages on a phone.
        var phone = await DesignerSession.OpenAsync(portal.Browser.Browser, portal.Server.Address, "lanhdao.hn-stp@dvc.local", "CanBo@2026", 390, 844);
        await Assertions.Expect(phone.Page.Locator("#catalog-table")).ToBeVisibleAsync();
        await phone.ScreenshotAsync("catalog-390");
        await phone.Page.GotoAsync("/designer/procedures/HN-TP-092");
        await Assertions.Expect(phone.Page.Locator("#form-builder")).ToBeVisibleAsync();
        await phone.ScreenshotAsync("form-390");
        foreach (var tab in new[] { "rules", "fees", "tests", "versions" })
        {
            await phone.Page.ClickAsync($"#tab-{tab}");
            await phone.ScreenshotAsync($"{tab}-390");
        }

        static string Median(List<double> values) => values.Order().ElementAt(values.Count / 2).ToString("0", CultureInfo.InvariantCulture);
        var report = string.Join(Environment.NewLine,
            "Designer targets, 40 fields + 20 rules (chromium, this machine):",
            $"  editor interactive (navigation → 40 rows + problems): median {Median(interactive)} ms of [{string.Join(", ", interactive.Select(v => v.ToString("0", CultureInfo.InvariantCulture)))}] (target < 2000)",
            $"  field edit → preview + problems: median {Median(edits)} ms of [{string.Join(", ", edits.Select(v => v.ToString("0", CultureInfo.InvariantCulture)))}] (target < 300); the server's check of each: {string.Join(", ", checks)}",
            $"  publish (click → result shown): {publish:0} ms; server: {serverPublish?.Trim()} (target < 2000)",
            $"  largest circuit message while editing: {largestWhere}; over the whole session: {admin.LargestFrame} bytes in {admin.Frames} frames (limit 32768)",
            $"  largest message by step: {byStep}");
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(Repository.Screenshots, "..", "designer-targets.txt"), report);
    }

    /// <summary>The scaffold's bundle under a new code, with 40 fields and 20 eligibility rules reading them.</summary>
    private static JsonObject Grow(JsonObject bundle, string from, string to)
    {
        var files = bundle["files"]!.AsObject();
        var folder = $"procedures/{from}/";
        var grown = new JsonObject();
        foreach (var (path, text) in files)
        {
            if (path.StartsWith(folder, StringComparison.Ordinal) && !path.Contains("/tests/", StringComparison.Ordinal))
            {
                grown[$"procedures/{to}/" + path[folder.Length..]] = text!.GetValue<string>().Replace(from, to, StringComparison.Ordinal);
            }
        }

        var properties = new JsonObject();
        var required = new JsonArray();
        for (var i = 1; i <= 40; i++)
        {
            var name = $"truong{i:00}";
            properties[name] = (i % 4) switch
            {
                0 => new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["x-ui"] = Ui($"Số lượng {i}", i, "number") },
                1 => new JsonObject { ["type"] = "string", ["format"] = "date", ["x-ui"] = Ui($"Ngày {i}", i, "date") },
                2 => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("co", "khong"), ["x-ui"] = Ui($"Lựa chọn {i}", i, "select") },
                _ => new JsonObject { ["type"] = "string", ["maxLength"] = 200, ["x-ui"] = Ui($"Trường số {i}", i, "text") },
            };
            if (i % 3 == 0)
            {
                required.Add(name);
            }
        }

        grown[$"procedures/{to}/templates/result.sbn"] = "{{ procedure.name }}\nSố hồ sơ: {{ dossier.code }}\n";
        grown[$"procedures/{to}/form.schema.json"] = new JsonObject { ["type"] = "object", ["required"] = required, ["properties"] = properties }.ToJsonString();
        var rules = new JsonArray();
        for (var i = 1; i <= 20; i++)
        {
            var name = $"truong{i * 2:00}";
            rules.Add(new JsonObject
            {
                ["RuleName"] = $"quy-tac-{i:00}",
                ["Expression"] = (i * 2 % 4) switch
                {
                    0 => $"input.{name} == null || input.{name} <= 100",
                    2 => $"input.{name} != \"khong\" || input.truong01 != null",
                    _ => "true",
                },
                ["Properties"] = new JsonObject { ["reason"] = new JsonObject { ["vi"] = $"Lý do {i}", ["en"] = $"Reason {i}" } },
            });
        }

        grown[$"procedures/{to}/rules.json"] = new JsonArray(new JsonObject { ["WorkflowName"] = "eligibility", ["Rules"] = rules }).ToJsonString();
        var manifest = JsonNode.Parse(grown[$"procedures/{to}/procedure.json"]!.GetValue<string>())!.AsObject();
        manifest["parts"]!.AsObject().Remove("tests");
        grown[$"procedures/{to}/procedure.json"] = manifest.ToJsonString();
        return new JsonObject { ["code"] = to, ["version"] = "0.1.0", ["folder"] = $"procedures/{to}", ["files"] = grown };

        static JsonObject Ui(string label, int order, string widget) =>
            new() { ["label"] = new JsonObject { ["vi"] = label, ["en"] = label }, ["order"] = order, ["widget"] = widget };
    }
}
