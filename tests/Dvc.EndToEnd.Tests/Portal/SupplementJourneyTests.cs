using Dvc.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dvc.EndToEnd.Tests.Portal;

/// <summary>
/// Issue 13 §1 in a browser: the ward officer asks for two fields of a birth registration; the citizen corrects them
/// on the form itself, pre-filled and limited to those fields; a correction the eligibility rules refuse is refused
/// with its reason and changes nothing; the accepted one changes the fee; the officer sees old → new and the new
/// decision. Screenshots go to TestResults/screenshots/supplement-*.png.
/// </summary>
public sealed class SupplementJourneyTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private readonly PortalPages _pages = new(portal, "supplement-");

    [Fact]
    public async Task An_officer_asks_for_a_field_the_citizen_corrects_it_and_fee_eligibility_and_the_diff_follow()
    {
        await using var citizenContext = await _pages.NewContextAsync();
        var citizen = await citizenContext.NewPageAsync();
        await PortalPages.RegisterAsync(citizen, "Trần Thị Mai");
        await citizen.GotoAsync("/procedures/HN-TP-001/submit");
        await PortalPages.FillBirthRegistrationAsync(citizen, "Lê Minh Khôi");
        await citizen.ClickAsync("#submit");
        await Assertions.Expect(citizen.Locator("#submitted")).ToContainTextAsync("Miễn phí");
        var code = (await citizen.Locator("#dossier-code").InnerTextAsync()).Trim();

        // The officer lands on the inbox, opens the task and asks for two named fields, in the outcome's own words.
        await using var officerContext = await _pages.NewContextAsync();
        var officer = await officerContext.NewPageAsync();
        await PortalPages.SignInAsync(officer, "canbo.hn-p-ba-dinh@dvc.local", "CanBo@2026");
        await Assertions.Expect(officer).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/inbox$"));
        await officer.GetByRole(AriaRole.Link, new() { Name = code }).First.ClickAsync();
        await Assertions.Expect(officer.Locator("#legal-due")).ToBeVisibleAsync();
        await officer.GetByLabel("Yêu cầu bổ sung hồ sơ", new() { Exact = true }).CheckAsync();
        await officer.FillAsync("#comment", "Đề nghị ghi rõ số bản sao trích lục và xác nhận nơi sinh.");
        await officer.CheckAsync("#supplement-scope input[value='/extraCopies']");
        await officer.CheckAsync("#supplement-scope input[value='/child/bornInVietnam']");
        await _pages.ShotAsync(officer, "officer-asks-for-fields");
        await officer.ClickAsync("#complete-task");
        await Assertions.Expect(officer.Locator("#task-status")).ToHaveTextAsync("Đã xong");

        // The citizen reads the request, its deadline and what happens after it, and the stopped clock.
        await citizen.GotoAsync($"/dossiers/{code}");
        await Assertions.Expect(citizen.Locator("#request-message")).ToContainTextAsync("số bản sao trích lục");
        await Assertions.Expect(citizen.Locator("#request-fields")).ToContainTextAsync("bản sao");
        await Assertions.Expect(citizen.Locator("#request-deadline")).ToContainTextAsync("trước 24:00 ngày");
        await Assertions.Expect(citizen.Locator("#request-expiry")).ToContainTextAsync("dừng xử lý");
        await Assertions.Expect(citizen.Locator("#clock-paused")).ToContainTextAsync("tạm dừng");
        await _pages.ShotAsync(citizen, "citizen-reads-the-request");

        // The supplement page is the form itself, pre-filled and limited to the two fields.
        await citizen.ClickAsync("#open-supplement");
        await Assertions.Expect(citizen.Locator(PortalPages.Name("/extraCopies"))).ToHaveValueAsync("0");
        await Assertions.Expect(citizen.Locator(PortalPages.Name("/child/bornInVietnam"))).ToBeCheckedAsync();
        await Assertions.Expect(citizen.Locator(PortalPages.Name("/child/fullName"))).ToHaveCountAsync(0);
        await _pages.ShotAsync(citizen, "supplement-form");

        // A correction the eligibility rules refuse is refused with the rule's reason; the page keeps what was typed.
        await citizen.UncheckAsync(PortalPages.Name("/child/bornInVietnam"));
        await PortalPages.Fill(citizen, "/extraCopies", "2");
        await citizen.ClickAsync("#send-supplement");
        await Assertions.Expect(citizen.Locator("#not-eligible")).ToContainTextAsync("Trẻ sinh ở nước ngoài");
        await Assertions.Expect(citizen.Locator(PortalPages.Name("/extraCopies"))).ToHaveValueAsync("2");
        await _pages.ShotAsync(citizen, "refused-by-eligibility");

        // The right correction is accepted: two extra copies cost 16.000 đ.
        await citizen.CheckAsync(PortalPages.Name("/child/bornInVietnam"));
        await citizen.FillAsync("#note", "Xin cấp thêm 2 bản sao.");
        await citizen.ClickAsync("#send-supplement");
        await Assertions.Expect(citizen.Locator("#dossier-status")).ToHaveTextAsync("Đang xử lý");
        await Assertions.Expect(citizen.Locator("#supplements")).ToContainTextAsync("16.000 đ");
        await _pages.ShotAsync(citizen, "citizen-after-supplement");

        // The officer sees old → new per field, the fee change and the new decision with its amounts.
        await officer.GotoAsync("/inbox");
        await officer.GetByRole(AriaRole.Link, new() { Name = code }).First.ClickAsync();
        var change = officer.Locator("#supplements tr[data-pointer='/extraCopies']");
        await Assertions.Expect(change.Locator(".old")).ToHaveTextAsync("0");
        await Assertions.Expect(change.Locator(".new")).ToHaveTextAsync("2");
        await Assertions.Expect(officer.Locator("#supplements .fee-change")).ToHaveTextAsync("Lệ phí: 0 đ → 16.000 đ");
        await Assertions.Expect(officer.Locator("#decision")).ToContainTextAsync("Kiểm tra lại theo dữ liệu bổ sung");
        await Assertions.Expect(officer.Locator("#decision .rule.passed .amount")).ToHaveTextAsync("16.000 đ");
        await Assertions.Expect(officer.Locator("#timeline")).ToContainTextAsync("Tiếp tục tính thời hạn giải quyết");
        await _pages.ShotAsync(officer, "officer-sees-the-diff");

        // Accepting it asks the citizen to pay the new fee, with its deadline.
        await officer.GetByLabel("Tiếp nhận hồ sơ", new() { Exact = true }).CheckAsync();
        await officer.ClickAsync("#complete-task");
        await citizen.GotoAsync($"/dossiers/{code}");
        await Assertions.Expect(citizen.Locator("#request")).ToContainTextAsync("16.000 đ");
        await Assertions.Expect(citizen.Locator("#request-deadline")).ToContainTextAsync("trước 24:00 ngày");
        await _pages.ShotAsync(citizen, "payment-with-deadline");
    }
}
