using Dvc.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dvc.EndToEnd.Tests.Portal;

/// <summary>Every procedure's generated form in a phone-sized browser, and the repeating-group script.</summary>
public sealed class GeneratedFormTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Every_procedure_form_renders_on_a_phone_without_script_errors()
    {
        await using var context = await portal.Browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.Server.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await SignInAsDemoCitizenAsync(page);

        await page.GotoAsync("/");
        var procedures = await page.Locator(".procedure-list a.name").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        foreach (var href in procedures)
        {
            await page.GotoAsync(href + "/submit");
            await Assertions.Expect(page.Locator("#submit")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(Repository.Screenshots, $"form-{href.Split('/').Last()}-mobile.png"),
                FullPage = true,
            });
        }

        Assert.True(procedures.Length >= 3, $"Only {procedures.Length} procedures in the catalog.");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_repeating_group_adds_and_removes_items_and_the_server_keeps_their_order()
    {
        await using var context = await portal.Browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.Server.Address.ToString() });
        var page = await context.NewPageAsync();
        await SignInAsDemoCitizenAsync(page);
        await page.GotoAsync("/procedures/HN-KHDT-001/submit");
        var lines = page.Locator("#f_businessLines > .repeat-items > .repeat-item");

        await page.ClickAsync("#f_businessLines > [data-repeat-add]");
        await page.ClickAsync("#f_businessLines > [data-repeat-add]");
        await page.FillAsync("[name='/businessLines/0/name']", "Bán lẻ đồ uống");
        await page.FillAsync("[name='/businessLines/1/name']", "Sẽ bị xóa");
        await page.FillAsync("[name='/businessLines/2/name']", "Dịch vụ ăn uống");
        await lines.Nth(1).Locator("[data-repeat-remove]").ClickAsync();
        await page.ClickAsync("#submit");

        await Assertions.Expect(lines).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[name='/businessLines/0/name']")).ToHaveValueAsync("Bán lẻ đồ uống");
        await Assertions.Expect(page.Locator("[name='/businessLines/1/name']")).ToHaveValueAsync("Dịch vụ ăn uống");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.Screenshots, "repeat-after-submit.png"), FullPage = true });
    }

    [Fact]
    public async Task A_file_over_the_attachments_limit_is_flagged_before_sending()
    {
        await using var context = await portal.Browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.Server.Address.ToString() });
        var page = await context.NewPageAsync();
        await SignInAsDemoCitizenAsync(page);
        await page.GotoAsync("/procedures/HN-TP-001/submit");

        await page.SetInputFilesAsync("input[name='attachment:giay-chung-sinh']", new FilePayload
        {
            Name = "qua-lon.pdf",
            MimeType = "application/pdf",
            Buffer = new byte[6 * 1024 * 1024],
        });

        await Assertions.Expect(page.Locator("[data-pointer='/$attachments/giay-chung-sinh'] .file-hint")).ToContainTextAsync("Tệp vượt quá 5 MB.");
    }

    /// <summary>
    /// Issue 13 §4: a file bigger than what one request may carry (64 MB) used to end on the browser's own error page
    /// with everything typed lost; the page now stops it, says why and keeps the form.
    /// </summary>
    [Fact]
    public async Task An_upload_over_the_request_limit_is_stopped_with_a_clear_error_and_the_typed_data_kept()
    {
        await using var context = await portal.Browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.Server.Address.ToString() });
        var page = await SubmitOversizedScanAsync(context);

        await Assertions.Expect(page.Locator(".upload-too-large")).ToContainTextAsync("vượt quá 64 MB cho một lần gửi");
        await Assertions.Expect(page.Locator("[name='/child/fullName']")).ToHaveValueAsync("Lê Minh Khôi");
        Assert.EndsWith("/procedures/HN-TP-001/submit", page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.Screenshots, "upload-too-large.png") });
    }

    /// <summary>The same upload with the page script off: the server itself answers with the form, the error at the file and the typed data.</summary>
    [Fact]
    public async Task Without_the_page_script_an_upload_over_the_limit_comes_back_as_the_form_with_the_error_at_the_file()
    {
        await using var context = await portal.Browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.Server.Address.ToString(), JavaScriptEnabled = false });
        var page = await SubmitOversizedScanAsync(context);

        await Assertions.Expect(page.Locator("[data-pointer='/$attachments/giay-chung-sinh'] .field-error")).ToContainTextAsync("vượt quá 64 MB cho một lần gửi");
        await Assertions.Expect(page.Locator("[name='/child/fullName']")).ToHaveValueAsync("Lê Minh Khôi");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.Screenshots, "upload-too-large-no-script.png") });
    }

    [Fact]
    public async Task The_api_reference_page_loads_the_openapi_document()
    {
        await using var context = await portal.Browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.Server.Address.ToString() });
        var page = await context.NewPageAsync();

        var document = await page.RunAndWaitForResponseAsync(() => page.GotoAsync("/scalar"), r => r.Url.EndsWith("/v1.json", StringComparison.Ordinal));

        Assert.Equal(200, document.Status);
        await Assertions.Expect(page.GetByText("Sign in with e-mail and password").First).ToBeVisibleAsync(new() { Timeout = 15000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.Screenshots, "api-reference.png") });
    }

    /// <summary>Types the child's name on the birth registration form and submits it with a 70 MB scan.</summary>
    private static async Task<IPage> SubmitOversizedScanAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await SignInAsDemoCitizenAsync(page);
        await page.GotoAsync("/procedures/HN-TP-001/submit");
        await page.FillAsync("[name='/child/fullName']", "Lê Minh Khôi");
        var scan = Path.Combine(Path.GetTempPath(), $"scan-qua-lon-{Guid.NewGuid():N}.pdf");
        await using (var file = File.Create(scan))
        {
            file.SetLength(70L * 1024 * 1024);
        }

        await page.SetInputFilesAsync("input[name='attachment:giay-chung-sinh']", scan);
        await page.ClickAsync("#submit");
        File.Delete(scan);
        return page;
    }

    private static async Task SignInAsDemoCitizenAsync(IPage page)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", "congdan@dvc.local");
        await page.FillAsync("#password", "CongDan@2026");
        await page.ClickAsync("#login");
        await Assertions.Expect(page.Locator("header .who")).ToBeVisibleAsync();
    }
}
