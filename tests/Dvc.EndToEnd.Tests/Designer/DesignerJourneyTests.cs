using System.Text.Json;
using Dvc.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Dvc.EndToEnd.Tests.Designer;

/// <summary>
/// Issue 17's journey in chromium: an agency admin builds a marital-status-like procedure from scratch without JSON,
/// tests and publishes it, a citizen submits it at once, and another agency's admin cannot open it.
/// </summary>
[Collection(DesignerCollection.Name)]
public sealed class DesignerJourneyTests(PortalFixture portal, ITestOutputHelper output)
{
    private const string Admin = "lanhdao.hn-ubnd-xa@dvc.local";
    private const string OtherAdmin = "lanhdao.hn-stp@dvc.local";
    private const string Password = "CanBo@2026";

    [Fact]
    public async Task An_admin_builds_tests_and_publishes_a_procedure_and_a_citizen_submits_it_at_once()
    {
        var admin = await DesignerSession.OpenAsync(portal.Browser.Browser, portal.Server.Address, Admin, Password);
        var page = admin.Page;
        await Assertions.Expect(page.Locator("#catalog-table")).ToBeVisibleAsync();
        await admin.ScreenshotAsync("catalog-1280");

        // A new procedure from scratch.
        await page.ClickAsync("#new-procedure");
        await page.FillAsync("#new-code", "HN-TP-090");
        await page.FillAsync("#new-name-vi", "Xác nhận tình trạng hôn nhân (thí điểm)");
        await page.FillAsync("#new-name-en", "Certificate of marital status (pilot)");
        await page.ClickAsync("#create");
        await Assertions.Expect(page.Locator("#form-builder")).ToBeVisibleAsync();
        var loadFrame = admin.LargestFrame;
        admin.ResetFrames();

        // Six fields: text, date, radio with vi/en options, the shared address, a repeating group with a field, a select.
        await admin.AddFieldAsync("Văn bản ngắn", "Họ và tên", "Full name");
        await admin.AddFieldAsync("Ngày", "Ngày sinh", "Date of birth");
        await admin.AddFieldAsync("Chọn một (nút)", "Giới tính", "Sex");
        await admin.ChangeAsync(page.Locator("#option-0-vi"), "Nam");
        await admin.ChangeAsync(page.Locator("#option-0-en"), "Male");
        await admin.ChangeAsync(page.Locator("#option-1-vi"), "Nữ");
        await admin.ChangeAsync(page.Locator("#option-1-en"), "Female");
        await admin.AddFieldAsync("Địa chỉ (dùng chung)", "Nơi cư trú", "Residence");
        await page.ClickAsync(".field-row[data-path='hoVaTen'] .row-main");
        await admin.AddFieldAsync("Nhóm lặp lại", "Con chung", "Children");
        await admin.AddFieldAsync("Văn bản ngắn", "Họ tên con", "Child's name");
        await page.ClickAsync(".field-row[data-path='hoVaTen'] .row-main");
        await admin.AddFieldAsync("Chọn một (danh sách)", "Diện miễn lệ phí", "Fee exemption");
        await admin.ChangeAsync(page.Locator("#option-0-vi"), "Không thuộc diện miễn");
        await admin.ChangeAsync(page.Locator("#option-0-value"), "khong");
        await admin.ChangeAsync(page.Locator("#option-1-vi"), "Hộ nghèo");
        await Assertions.Expect(page.Locator(".field-row[data-path='conChung/*/hoTenCon']")).ToBeVisibleAsync();
        await Assertions.Expect(page.FrameLocator("#preview-frame").Locator("[name='/conChung/0/hoTenCon']")).ToBeVisibleAsync();
        await admin.ScreenshotAsync("form-1280");

        // Two eligibility rules with the condition builder.
        admin.Step("open the rules tab");
        await page.ClickAsync("#tab-rules");
        await page.FillAsync("#new-eligibility", "Đủ 18 tuổi");
        await page.PressAsync("#new-eligibility", "Tab");
        admin.Step("build the first rule");
        await admin.SavedAfterAsync(() => page.ClickAsync("#add-eligibility"));
        var adult = page.Locator(".rule-card").Nth(0);
        await admin.SavedAfterAsync(() => adult.Locator(".add-condition").First.ClickAsync());
        await admin.SavedAfterAsync(() => adult.Locator(".cond-type").First.SelectOptionAsync("age"));
        await admin.ChangeAsync(adult.Locator("[data-prop='Properties/reason'] input").Nth(0), "Người yêu cầu phải đủ 18 tuổi.");
        await admin.ChangeAsync(adult.Locator("[data-prop='Properties/reason'] input").Nth(1), "The applicant must be at least 18.");
        await page.FillAsync("#new-eligibility", "Không quá 10 con chung");
        await page.PressAsync("#new-eligibility", "Tab");
        admin.Step("build the second rule");
        await admin.SavedAfterAsync(() => page.ClickAsync("#add-eligibility"));
        var children = page.Locator(".rule-card").Nth(1);
        await admin.SavedAfterAsync(() => children.Locator(".add-condition").First.ClickAsync());
        await admin.SavedAfterAsync(() => children.Locator(".cond-type").First.SelectOptionAsync("count"));
        await admin.SavedAfterAsync(() => children.Locator(".cond-op").First.SelectOptionAsync("<="));
        await admin.ChangeAsync(children.Locator(".cond-value").First, "10");
        await admin.ChangeAsync(children.Locator("[data-prop='Properties/reason'] input").Nth(0), "Không khai quá 10 con chung.");
        await admin.ChangeAsync(children.Locator("[data-prop='Properties/reason'] input").Nth(1), "No more than 10 children.");
        Assert.Equal(
            ["Dvc.Age(input.ngaySinh, ctx.SubmittedOn) >= 18", "Dvc.Count(input.conChung) <= 10"],
            await page.Locator(".rule-card .expression-summary, .rule-card .expression-text").AllTextContentsAsync());
        await admin.ScreenshotAsync("rules-1280");

        // A fee with an exemption.
        admin.Step("open the fees tab");
        await page.ClickAsync("#tab-fees");
        await page.FillAsync("#new-fee", "Lệ phí cấp giấy xác nhận");
        await page.PressAsync("#new-fee", "Tab");
        admin.Step("build the fee");
        await admin.SavedAfterAsync(() => page.ClickAsync("#add-fee"));
        var fee = page.Locator(".fee-row").First;
        await admin.ChangeAsync(fee.Locator("[data-prop='Properties/label'] input").Nth(1), "Certificate fee");
        await admin.ChangeAsync(fee.Locator(".fee-amount"), "15000");
        var exemption = fee.Locator(".exemption");
        await admin.SavedAfterAsync(() => exemption.Locator(".add-condition").First.ClickAsync());
        await admin.SavedAfterAsync(() => exemption.Locator(".cond-field").First.SelectOptionAsync("dienMienLePhi"));
        await admin.SavedAfterAsync(() => exemption.Locator("select.cond-value").First.SelectOptionAsync(new SelectOptionValue { Label = "Hộ nghèo" }));
        await admin.ScreenshotAsync("fees-1280");

        // Try, save two test cases, run them.
        admin.Step("open the tests tab");
        await page.ClickAsync("#tab-tests");
        var sample = new Dictionary<string, object>
        {
            ["hoVaTen"] = "Nguyễn Thị Hoa",
            ["ngaySinh"] = "1995-04-12",
            ["gioiTinh"] = "nu",
            ["noiCuTru"] = new Dictionary<string, string> { ["province"] = "Thành phố Hà Nội", ["unitSystem"] = "hn-2025", ["commune"] = "Phường Ba Đình", ["street"] = "Số 12 phố Đội Cấn" },
            ["conChung"] = new[] { new Dictionary<string, string> { ["hoTenCon"] = "Nguyễn Minh An" } },
            ["dienMienLePhi"] = "khong",
        };
        admin.Step("try sample data");
        await TryAsync(page, sample);
        await Assertions.Expect(page.Locator("#try-fee")).ToHaveTextAsync("15.000 đ");
        await SaveCaseAsync(admin, "Công dân nộp lệ phí");
        sample["dienMienLePhi"] = "ho-ngheo";
        await TryAsync(page, sample);
        await Assertions.Expect(page.Locator("#try-fee")).ToHaveTextAsync("0 đ");
        await SaveCaseAsync(admin, "Hộ nghèo được miễn");
        admin.Step("run the tests");
        await page.ClickAsync("#run-tests");
        await Assertions.Expect(page.Locator("#test-results")).ToContainTextAsync("2 đạt, 0 không đạt");
        await Assertions.Expect(page.Locator("#no-problems")).ToBeVisibleAsync();
        await admin.ScreenshotAsync("tests-1280");

        // Publish.
        admin.Step("open the publish tab");
        await page.ClickAsync("#tab-versions");
        await page.FillAsync("#publish-note", "Ban hành lần đầu");
        await page.PressAsync("#publish-note", "Tab");
        admin.Step("publish");
        await page.ClickAsync("#publish");
        await Assertions.Expect(page.Locator("#publish-result")).ToHaveAttributeAsync("data-status", "Published");
        await admin.ScreenshotAsync("publish-1280");

        // A citizen submits it at once, on a phone.
        await using var citizenContext = await portal.Browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.Server.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var citizen = await citizenContext.NewPageAsync();
        await citizen.GotoAsync("/account/login?returnUrl=/procedures/HN-TP-090/submit");
        await citizen.FillAsync("#email", "congdan@dvc.local");
        await citizen.FillAsync("#password", "CongDan@2026");
        await citizen.ClickAsync("form:has(#password) button[type=submit]");
        await citizen.FillAsync("[name='/hoVaTen']", "Nguyễn Thị Hoa");
        await citizen.FillAsync("[name='/ngaySinh']", "12/04/1995");
        await citizen.CheckAsync("[name='/gioiTinh'][value='nu']");
        await citizen.SelectOptionAsync("[name='/noiCuTru/commune']", new SelectOptionValue { Label = "Phường Ba Đình" });
        await citizen.FillAsync("[name='/noiCuTru/street']", "Số 12 phố Đội Cấn");
        await citizen.FillAsync("[name='/conChung/0/hoTenCon']", "Nguyễn Minh An");
        await citizen.SelectOptionAsync("[name='/dienMienLePhi']", "khong");
        await citizen.ClickAsync("#submit");
        await citizen.WaitForURLAsync("**/dossiers/**");
        await citizen.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.Screenshots, "designer-citizen-submitted-390.png"), FullPage = true });

        // The admin of another agency neither lists nor opens it.
        var other = await DesignerSession.OpenAsync(portal.Browser.Browser, portal.Server.Address, OtherAdmin, Password);
        await Assertions.Expect(other.Page.Locator("#catalog-table")).ToBeVisibleAsync();
        await Assertions.Expect(other.Page.Locator("tr[data-code='HN-TP-090']")).ToHaveCountAsync(0);
        await other.Page.GotoAsync("/designer/procedures/HN-TP-090");
        await Assertions.Expect(other.Page.Locator("#forbidden")).ToBeVisibleAsync();

        output.WriteLine($"Largest circuit message while building the procedure: {admin.LargestFrameWhere} in {admin.Frames} frames; largest while loading the pages: {loadFrame} bytes");
        output.WriteLine($"By step: {admin.LargestByStep}");
    }

    [Fact]
    public async Task Two_admins_on_one_draft_get_a_conflict_and_merge_without_losing_either_change()
    {
        var first = await DesignerSession.OpenAsync(portal.Browser.Browser, portal.Server.Address, Admin, Password);
        var second = await DesignerSession.OpenAsync(portal.Browser.Browser, portal.Server.Address, Admin, Password);
        await first.Page.GotoAsync("/designer/procedures/HN-TP-002");
        await second.Page.GotoAsync("/designer/procedures/HN-TP-002");
        await Assertions.Expect(first.Page.Locator("#form-builder")).ToBeVisibleAsync();
        await Assertions.Expect(second.Page.Locator("#form-builder")).ToBeVisibleAsync();

        await first.Page.ClickAsync("#tab-general");
        await first.ChangeAsync(first.Page.Locator("#general-name-en"), "Certificate of marital status (edited by the first admin)");
        await second.Page.ClickAsync("#tab-general");
        await second.Page.FillAsync("[data-prop='processingDays'] input", "5");
        await second.Page.PressAsync("[data-prop='processingDays'] input", "Tab");

        await Assertions.Expect(second.Page.Locator("#conflict")).ToBeVisibleAsync();
        await second.ScreenshotAsync("conflict-1280");
        await second.Page.ClickAsync("#merge");
        await Assertions.Expect(second.Page.Locator("#conflict")).ToHaveCountAsync(0);
        await Assertions.Expect(second.Page.Locator("#saved")).ToBeVisibleAsync();

        var draft = await second.Page.APIRequest.GetAsync("/designer/files/HN-TP-002/procedure.json");
        var manifest = JsonDocument.Parse(await draft.TextAsync()).RootElement;
        Assert.Equal("Certificate of marital status (edited by the first admin)", manifest.GetProperty("name").GetProperty("en").GetString());
        Assert.Equal(5, manifest.GetProperty("processingDays").GetDecimal());
    }

    private static async Task TryAsync(IPage page, object sample)
    {
        await page.FillAsync("#sample-data", JsonSerializer.Serialize(sample, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        await page.PressAsync("#sample-data", "Tab");
        await page.ClickAsync("#try");
    }

    private static async Task SaveCaseAsync(DesignerSession admin, string name)
    {
        await admin.Page.FillAsync("#case-name", name);
        await admin.Page.PressAsync("#case-name", "Tab");
        await admin.SavedAfterAsync(() => admin.Page.ClickAsync("#save-case"));
    }
}
