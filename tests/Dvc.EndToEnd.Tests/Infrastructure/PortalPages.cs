using System.Globalization;
using Microsoft.Playwright;

namespace Dvc.EndToEnd.Tests.Infrastructure;

/// <summary>What the browser tests do the same way: sign in, fill the birth registration form, attach, take screenshots.</summary>
internal sealed class PortalPages(PortalFixture portal, string shotPrefix)
{
    private int _shot;

    public Task<IBrowserContext> NewContextAsync() =>
        portal.Browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.Server.Address.ToString(),
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1200, Height = 900 },
            Locale = "vi-VN",
        });

    /// <summary>Saves the whole page to TestResults/screenshots, numbered in the order the test took them.</summary>
    public async Task ShotAsync(IPage page, string name)
    {
        _shot++;
        var file = Path.Combine(Repository.Screenshots, $"{shotPrefix}{_shot:00}-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
    }

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#login");
        await Assertions.Expect(page.Locator("header .who")).ToBeVisibleAsync();
    }

    public static async Task RegisterAsync(IPage page, string fullName)
    {
        await page.GotoAsync("/account/register");
        await page.FillAsync("#fullName", fullName);
        await page.FillAsync("#email", $"cd-{Guid.NewGuid():N}@example.vn");
        await page.FillAsync("#password", "MatKhau@2026");
        await page.FillAsync("#confirm", "MatKhau@2026");
        await page.ClickAsync("#register");
        await Assertions.Expect(page.Locator("header .who")).ToBeVisibleAsync();
    }

    /// <summary>A birth registered ten days after it (Hanoi time): on time, free unless extra copies are asked for.</summary>
    public static async Task FillBirthRegistrationAsync(IPage page, string childName)
    {
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

        await Fill(page, "/child/fullName", childName);
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

    public static async Task AttachDocumentsAsync(IPage page)
    {
        await page.SetInputFilesAsync("input[name='attachment:giay-chung-sinh']", Pdf("giay-chung-sinh.pdf"));
        await page.SetInputFilesAsync("input[name='attachment:giay-chung-nhan-ket-hon']", Pdf("giay-chung-nhan-ket-hon.pdf"));
    }

    public static string Name(string pointer) => $"[name='{pointer}']";

    public static Task Fill(IPage page, string pointer, string value) => page.FillAsync(Name(pointer), value);

    public static Task Radio(IPage page, string pointer, string value) => page.CheckAsync($"[name='{pointer}'][value='{value}']");

    public static FilePayload Pdf(string name) => new()
    {
        Name = name,
        MimeType = "application/pdf",
        Buffer = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray(),
    };
}
