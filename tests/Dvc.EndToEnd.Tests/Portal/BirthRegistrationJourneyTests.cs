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
    private int _shot;

    [Fact]
    public async Task A_birth_registration_goes_from_a_new_account_to_a_downloaded_result_and_the_statistics()
    {
        await using var citizenContext = await NewContextAsync();
        var citizen = await citizenContext.NewPageAsync();

        // The catalog and registration.
        await citizen.GotoAsync("/");
        await ShotAsync(citizen, "catalog");
        await citizen.GotoAsync("/account/register");
        await citizen.FillAsync("#fullName", "Trần Thị Mai");
        await citizen.FillAsync("#email", $"mai-{Guid.NewGuid():N}@example.vn");
        await citizen.FillAsync("#password", "MatKhau@2026");
        await citizen.FillAsync("#confirm", "MatKhau@2026");
        await ShotAsync(citizen, "register");
        await citizen.ClickAsync("#register");

        // Finds "Đăng ký khai sinh" by searching without diacritics.
        await citizen.FillAsync("#q", "khai sinh");
        await citizen.ClickAsync("form.filters button[type=submit]");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "Đăng ký khai sinh", Exact = true }).ClickAsync();
        await Assertions.Expect(citizen.Locator("h1")).ToHaveTextAsync("Đăng ký khai sinh");
        await ShotAsync(citizen, "procedure");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "Nộp hồ sơ trực tuyến" }).ClickAsync();
        await ShotAsync(citizen, "form");

        // An empty submission shows Vietnamese errors next to the fields.
        await citizen.ClickAsync("#submit");
        await Assertions.Expect(citizen.Locator("#form-errors")).ToBeVisibleAsync();
        await Assertions.Expect(citizen.Locator("[data-pointer='/child/fullName'] .field-error")).ToContainTextAsync("Vui lòng nhập");
        await ShotAsync(citizen, "field-errors");

        // Checking first shows eligibility, the fee and the documents to attach, without filing anything.
        await FillBirthRegistrationAsync(citizen);
        await ShotAsync(citizen, "form-filled");
        await citizen.ClickAsync("#check");
        await Assertions.Expect(citizen.Locator("#assessment")).ToContainTextAsync("Đủ điều kiện");
        await Assertions.Expect(citizen.Locator("#assessment")).ToContainTextAsync("Miễn phí");
        await ShotAsync(citizen, "eligibility-and-fee");

        // A complete submission gets a dossier code (files are chosen again after the check).
        await AttachDocumentsAsync(citizen);
        await citizen.ClickAsync("#submit");
        await Assertions.Expect(citizen.Locator("#submitted")).ToBeVisibleAsync();
        var code = (await citizen.Locator("#dossier-code").InnerTextAsync()).Trim();
        Assert.Matches(@"^HN-\d{4}-\d{7}$", code);
        await ShotAsync(citizen, "submitted");

        // The ward officer asks for a supplement.
        await using var officerContext = await NewContextAsync();
        var officer = await officerContext.NewPageAsync();
        await SignInAsync(officer, OfficerEmail, OfficerPassword);
        await officer.GotoAsync("/inbox");
        await ShotAsync(officer, "inbox");
        await officer.GetByRole(AriaRole.Link, new() { Name = code }).First.ClickAsync();
        await ShotAsync(officer, "task");
        await officer.CheckAsync("input[name=outcome][value=RequestSupplement]");
        await officer.FillAsync("#comment", "Đề nghị chụp lại giấy chứng sinh rõ nét.");
        await officer.ClickAsync("#complete-task");
        await ShotAsync(officer, "supplement-requested");

        // The citizen supplements.
        await citizen.GotoAsync($"/dossiers/{code}");
        await Assertions.Expect(citizen.Locator("#supplement")).ToContainTextAsync("chụp lại giấy chứng sinh");
        await citizen.SetInputFilesAsync("#supplement input[name='attachment:giay-chung-sinh']", Pdf("giay-chung-sinh-chup-lai.pdf"));
        await citizen.FillAsync("#note", "Đã chụp lại giấy chứng sinh.");
        await ShotAsync(citizen, "supplement");
        await citizen.ClickAsync("#supplement button[type=submit]");
        await Assertions.Expect(citizen.Locator("#supplement")).ToHaveCountAsync(0);

        // The officer approves every remaining step.
        await ApproveAllAsync(officer, code);
        await ShotAsync(officer, "approved");

        // The citizen downloads the result and rates the service.
        await citizen.GotoAsync($"/dossiers/{code}");
        await ShotAsync(citizen, "result-ready");
        var download = await citizen.RunAndWaitForDownloadAsync(() => citizen.ClickAsync("#download-result"));
        var path = await download.PathAsync();
        Assert.Contains(_childName, await File.ReadAllTextAsync(path!), StringComparison.Ordinal);
        await citizen.SelectOptionAsync("#rating", "5");
        await citizen.FillAsync("#feedback", "Nhanh, đúng hẹn.");
        await citizen.ClickAsync("#rate button[type=submit]");
        await ShotAsync(citizen, "rated");

        // Anyone can track it by code, without personal data.
        await using var publicContext = await NewContextAsync();
        var visitor = await publicContext.NewPageAsync();
        await visitor.GotoAsync($"/track?code={code}");
        await Assertions.Expect(visitor.Locator("#progress")).ToContainTextAsync(code);
        Assert.DoesNotContain(_childName, await visitor.ContentAsync(), StringComparison.Ordinal);
        await ShotAsync(visitor, "track");

        // The statistics count it as received and resolved.
        await visitor.GotoAsync("/statistics");
        Assert.True(int.Parse(await visitor.Locator("#total-received").InnerTextAsync(), CultureInfo.InvariantCulture) >= 1);
        Assert.True(int.Parse(await visitor.Locator("#total-resolved").InnerTextAsync(), CultureInfo.InvariantCulture) >= 1);
        await ShotAsync(visitor, "statistics");
    }

    [Fact]
    public async Task The_portal_switches_to_english_and_back()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Administrative procedures");
        await ShotAsync(page, "catalog-en");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tiếng Việt" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Danh mục thủ tục hành chính");
    }

    private async Task FillBirthRegistrationAsync(IPage page)
    {
        // Born ten days ago (Hanoi time): registered on time, so free of charge.
        var hanoiToday = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).DateTime);
        var born = hanoiToday.AddDays(-10).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

        await Fill(page, "/applicant/fullName", "Trần Thị Mai");
        await Fill(page, "/applicant/birthDate", "02/11/1994");
        await Radio(page, "/applicant/sex", "nu");
        await Fill(page, "/applicant/citizenId", "001194023456");
        await Fill(page, "/applicant/citizenIdIssuedOn", "10/06/2021");
        await Fill(page, "/applicant/phone", "0987654321");
        await Fill(page, "/applicant/email", "tranthimai@example.vn");
        await page.SelectOptionAsync(Name("/applicant/permanentAddress/province"), "Thành phố Hà Nội");
        await Radio(page, "/applicant/permanentAddress/unitSystem", "hn-2025");
        await page.SelectOptionAsync(Name("/applicant/permanentAddress/commune"), "Phường Ba Đình");
        await Fill(page, "/applicant/permanentAddress/street", "Số 12, ngõ 34 phố Đội Cấn");
        await Radio(page, "/relationship", "me");
        await page.SelectOptionAsync(Name("/registrationCommune"), "Phường Ba Đình");

        await Fill(page, "/child/fullName", _childName);
        await Fill(page, "/child/birthDate", born);
        await Radio(page, "/child/sex", "nam");
        await Fill(page, "/child/ethnicity", "Kinh");
        await page.CheckAsync(Name("/child/bornInVietnam"));
        await Fill(page, "/child/birthPlace", "Bệnh viện Phụ sản Hà Nội");
        await page.CheckAsync(Name("/child/hasBirthCertificate"));
        await Fill(page, "/child/birthCertificateNumber", "CS-2026-004512");

        await Fill(page, "/mother/fullName", "Trần Thị Mai");
        await Fill(page, "/mother/birthDate", "02/11/1994");
        await Fill(page, "/mother/ethnicity", "Kinh");
        await Radio(page, "/mother/nationality", "viet-nam");
        await Fill(page, "/mother/citizenId", "001194023456");
        await Fill(page, "/mother/residence", "Số 12, ngõ 34 phố Đội Cấn, phường Ba Đình, thành phố Hà Nội");

        await page.CheckAsync(Name("/fatherKnown"));
        await Fill(page, "/father/fullName", "Lê Văn Hùng");
        await Fill(page, "/father/birthDate", "18/04/1992");
        await Fill(page, "/father/ethnicity", "Kinh");
        await Radio(page, "/father/nationality", "viet-nam");
        await Fill(page, "/father/citizenId", "001092034567");
        await Fill(page, "/father/residence", "Số 12, ngõ 34 phố Đội Cấn, phường Ba Đình, thành phố Hà Nội");
        await page.CheckAsync(Name("/parentsMarried"));
        await Fill(page, "/extraCopies", "0");
        await Radio(page, "/deliveryMethod", "online");
        await page.CheckAsync(Name("/commitment"));

        await AttachDocumentsAsync(page);
    }

    private static async Task AttachDocumentsAsync(IPage page)
    {
        await page.SetInputFilesAsync("input[name='attachment:giay-chung-sinh']", Pdf("giay-chung-sinh.pdf"));
        await page.SetInputFilesAsync("input[name='attachment:giay-chung-nhan-ket-hon']", Pdf("giay-chung-nhan-ket-hon.pdf"));
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

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#login");
        await Assertions.Expect(page.Locator("header .who")).ToBeVisibleAsync();
    }

    private Task<IBrowserContext> NewContextAsync() =>
        portal.Browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.Server.Address.ToString(),
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1200, Height = 900 },
            Locale = "vi-VN",
        });

    private async Task ShotAsync(IPage page, string name)
    {
        _shot++;
        var file = Path.Combine(Repository.Screenshots, $"{_shot:00}-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
    }

    private static string Name(string pointer) => $"[name='{pointer}']";

    private static Task Fill(IPage page, string pointer, string value) => page.FillAsync(Name(pointer), value);

    private static Task Radio(IPage page, string pointer, string value) => page.CheckAsync($"[name='{pointer}'][value='{value}']");

    private static FilePayload Pdf(string name) => new()
    {
        Name = name,
        MimeType = "application/pdf",
        Buffer = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray(),
    };
}
