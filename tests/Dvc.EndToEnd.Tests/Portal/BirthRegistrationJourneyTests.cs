using System.Globalization;
using Dvc.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dvc.EndToEnd.Tests.Portal;

/// <summary>
/// The whole service, in a browser, as its users live it: a citizen registers and files a birth registration, the
/// ward officer asks for a supplement, the citizen supplements, the officer approves, the citizen downloads the
/// result and the public statistics count it. Each page is saved to TestResults/screenshots.
/// </summary>
public sealed class BirthRegistrationJourneyTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string OfficerEmail = "canbo.hn-p-ba-dinh@dvc.local";
    private const string OfficerPassword = "CanBo@2026";
    private static readonly string[] NegativeOutcomes = ["Reject", "RequestSupplement"];

    private readonly string _childName = "Lê Minh Khôi";
    private readonly PortalPages _pages = new(portal, "");

    [Fact]
    public async Task A_birth_registration_goes_from_a_new_account_to_a_downloaded_result_and_the_statistics()
    {
        await using var citizenContext = await _pages.NewContextAsync();
        var citizen = await citizenContext.NewPageAsync();

        // The catalog and registration.
        await citizen.GotoAsync("/");
        await _pages.ShotAsync(citizen, "catalog");
        await citizen.GotoAsync("/account/register");
        await citizen.FillAsync("#fullName", "Trần Thị Mai");
        await citizen.FillAsync("#email", $"mai-{Guid.NewGuid():N}@example.vn");
        await citizen.FillAsync("#password", "MatKhau@2026");
        await citizen.FillAsync("#confirm", "MatKhau@2026");
        await _pages.ShotAsync(citizen, "register");
        await citizen.ClickAsync("#register");

        // Finds "Đăng ký khai sinh" by searching without diacritics.
        await citizen.FillAsync("#q", "khai sinh");
        await citizen.ClickAsync("form.filters button[type=submit]");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "Đăng ký khai sinh", Exact = true }).ClickAsync();
        await Assertions.Expect(citizen.Locator("h1")).ToHaveTextAsync("Đăng ký khai sinh");
        await _pages.ShotAsync(citizen, "procedure");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "Nộp hồ sơ trực tuyến" }).ClickAsync();
        await _pages.ShotAsync(citizen, "form");

        // An empty submission shows Vietnamese errors next to the fields.
        await citizen.ClickAsync("#submit");
        await Assertions.Expect(citizen.Locator("#form-errors")).ToBeVisibleAsync();
        await Assertions.Expect(citizen.Locator("[data-pointer='/child/fullName'] .field-error")).ToContainTextAsync("Vui lòng nhập");
        await _pages.ShotAsync(citizen, "field-errors");

        // Checking first shows eligibility, the fee and the documents to attach, without filing anything.
        await PortalPages.FillBirthRegistrationAsync(citizen, _childName);
        await _pages.ShotAsync(citizen, "form-filled");
        await citizen.ClickAsync("#check");
        await Assertions.Expect(citizen.Locator("#assessment")).ToContainTextAsync("Đủ điều kiện");
        await Assertions.Expect(citizen.Locator("#assessment")).ToContainTextAsync("Miễn phí");
        await _pages.ShotAsync(citizen, "eligibility-and-fee");

        // A complete submission gets a dossier code (files are chosen again after the check).
        await PortalPages.AttachDocumentsAsync(citizen);
        await citizen.ClickAsync("#submit");
        await Assertions.Expect(citizen.Locator("#submitted")).ToBeVisibleAsync();
        var code = (await citizen.Locator("#dossier-code").InnerTextAsync()).Trim();
        Assert.Matches(@"^HN-\d{4}-\d{7}$", code);
        await _pages.ShotAsync(citizen, "submitted");

        // The ward officer asks for a supplement.
        await using var officerContext = await _pages.NewContextAsync();
        var officer = await officerContext.NewPageAsync();
        await PortalPages.SignInAsync(officer, OfficerEmail, OfficerPassword);
        await officer.GotoAsync("/inbox");
        await _pages.ShotAsync(officer, "inbox");
        await officer.GetByRole(AriaRole.Link, new() { Name = code }).First.ClickAsync();
        await _pages.ShotAsync(officer, "task");
        await officer.CheckAsync("input[name=outcome][value=RequestSupplement]");
        await officer.FillAsync("#comment", "Đề nghị chụp lại giấy chứng sinh rõ nét.");
        await officer.ClickAsync("#complete-task");
        await _pages.ShotAsync(officer, "supplement-requested");

        // The citizen supplements on the supplement page.
        await citizen.GotoAsync($"/dossiers/{code}");
        await Assertions.Expect(citizen.Locator("#request")).ToContainTextAsync("chụp lại giấy chứng sinh");
        await citizen.ClickAsync("#open-supplement");
        await citizen.SetInputFilesAsync("input[name='attachment:giay-chung-sinh']", PortalPages.Pdf("giay-chung-sinh-chup-lai.pdf"));
        await citizen.FillAsync("#note", "Đã chụp lại giấy chứng sinh.");
        await _pages.ShotAsync(citizen, "supplement");
        await citizen.ClickAsync("#send-supplement");
        await Assertions.Expect(citizen.Locator("#request")).ToHaveCountAsync(0);

        // The officer approves every remaining step.
        await ApproveAllAsync(officer, code);
        await _pages.ShotAsync(officer, "approved");

        // The citizen downloads the result and rates the service.
        await citizen.GotoAsync($"/dossiers/{code}");
        await _pages.ShotAsync(citizen, "result-ready");
        var download = await citizen.RunAndWaitForDownloadAsync(() => citizen.ClickAsync("#download-result"));
        var path = await download.PathAsync();
        Assert.Contains(_childName, await File.ReadAllTextAsync(path!), StringComparison.Ordinal);
        await citizen.SelectOptionAsync("#rating", "5");
        await citizen.FillAsync("#feedback", "Nhanh, đúng hẹn.");
        await citizen.ClickAsync("#rate button[type=submit]");
        await _pages.ShotAsync(citizen, "rated");

        // Anyone can track it by code, without personal data.
        await using var publicContext = await _pages.NewContextAsync();
        var visitor = await publicContext.NewPageAsync();
        await visitor.GotoAsync($"/track?code={code}");
        await Assertions.Expect(visitor.Locator("#progress")).ToContainTextAsync(code);
        Assert.DoesNotContain(_childName, await visitor.ContentAsync(), StringComparison.Ordinal);
        await _pages.ShotAsync(visitor, "track");

        // The statistics count it as received and resolved.
        await visitor.GotoAsync("/statistics");
        Assert.True(int.Parse(await visitor.Locator("#total-received").InnerTextAsync(), CultureInfo.InvariantCulture) >= 1);
        Assert.True(int.Parse(await visitor.Locator("#total-resolved").InnerTextAsync(), CultureInfo.InvariantCulture) >= 1);
        await _pages.ShotAsync(visitor, "statistics");
    }

    [Fact]
    public async Task The_portal_switches_to_english_and_back()
    {
        await using var context = await _pages.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Administrative procedures");
        await _pages.ShotAsync(page, "catalog-en");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tiếng Việt" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Danh mục thủ tục hành chính");
    }

    private static async Task ApproveAllAsync(IPage officer, string code)
    {
        for (var step = 0; step < 12; step++)
        {
            await officer.GotoAsync("/inbox");
            var link = officer.GetByRole(AriaRole.Link, new() { Name = code });
            if (await link.CountAsync() == 0)
            {
                return;
            }

            await link.First.ClickAsync();
            var outcomes = await officer.Locator("input[name=outcome]").EvaluateAllAsync<string[]>("els => els.map(e => e.value)");
            var outcome = outcomes.First(o => !NegativeOutcomes.Contains(o));
            await officer.CheckAsync($"input[name=outcome][value={outcome}]");
            await officer.ClickAsync("#complete-task");
            await Assertions.Expect(officer.Locator("#task-status")).ToHaveTextAsync("Đã xong");
        }

        throw new InvalidOperationException($"Dossier {code} still had tasks after 12 steps.");
    }
}
