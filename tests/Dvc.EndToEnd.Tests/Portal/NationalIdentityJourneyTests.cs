using System.Text.Json.Nodes;
using Dvc.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dvc.EndToEnd.Tests.Portal;

/// <summary>
/// Issue 20 in Chromium, against the stand-in national identity provider the Development server starts itself: sign in
/// on the provider's page, the form opens with name, ID number and birth date filled and locked, a tampered submission
/// changing them is refused with the field, and the officer sees which data were verified.
/// </summary>
public sealed class NationalIdentityJourneyTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly string[] Locked = ["/applicant/fullName", "/applicant/citizenId", "/applicant/birthDate"];

    private readonly PortalPages _pages = new(portal, "vneid-");

    [Fact]
    public async Task A_citizen_signs_in_with_the_national_identity_files_with_verified_data_and_the_officer_sees_them()
    {
        await using var citizenContext = await _pages.NewContextAsync();
        var citizen = await citizenContext.NewPageAsync();

        // The provider's page, then a first sign-in that creates the citizen's account.
        await citizen.GotoAsync("/account/login");
        await citizen.ClickAsync("#external-login");
        await Assertions.Expect(citizen.Locator("#as-vneid-binh")).ToBeVisibleAsync();
        await _pages.ShotAsync(citizen, "provider");
        await citizen.ClickAsync("#as-vneid-binh");
        await Assertions.Expect(citizen.Locator("#verified-identity")).ToContainTextAsync("001195006789");
        await _pages.ShotAsync(citizen, "link-or-create");
        await citizen.ClickAsync("#create-account");
        await Assertions.Expect(citizen.Locator("header .who")).ToBeVisibleAsync();

        // The form knows who she is.
        await citizen.GotoAsync("/procedures/HN-TP-001/submit");
        await Assertions.Expect(citizen.Locator(PortalPages.Name("/applicant/fullName"))).ToHaveValueAsync("Trần Thị Bình");
        await Assertions.Expect(citizen.Locator(PortalPages.Name("/applicant/citizenId"))).ToHaveValueAsync("001195006789");
        await Assertions.Expect(citizen.Locator(PortalPages.Name("/applicant/birthDate"))).ToHaveValueAsync("20/08/1995");
        foreach (var pointer in Locked)
        {
            await Assertions.Expect(citizen.Locator(PortalPages.Name(pointer))).Not.ToBeEditableAsync();
        }

        await Assertions.Expect(citizen.Locator(PortalPages.Name("/applicant/phone"))).ToBeEditableAsync();
        await _pages.ShotAsync(citizen, "form-verified");

        // A tampered submission (the API, with her session) changing a verified field is refused with that field.
        var tampered = await citizen.APIRequest.PostAsync("/api/v1/dossiers", new()
        {
            DataObject = new { procedureCode = "HN-TP-001", data = new { applicant = new { fullName = "Trần Thị Mai", citizenId = "001195006789", birthDate = "1995-08-20", sex = "nu" } } },
        });
        Assert.Equal(400, tampered.Status);
        var errors = JsonNode.Parse(await tampered.TextAsync())!["errors"]!.AsObject();
        Assert.Contains("đã được xác thực", errors["/applicant/fullName"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(errors.ContainsKey("/applicant/citizenId"));

        // The real form files.
        await PortalPages.FillBirthRegistrationAsync(citizen, "Lê Minh Khang", verifiedApplicant: true);
        await citizen.ClickAsync("#submit");
        await Assertions.Expect(citizen.Locator("#submitted")).ToBeVisibleAsync();
        var code = (await citizen.Locator("#dossier-code").InnerTextAsync()).Trim();

        // The ward officer sees which data were verified.
        await using var officerContext = await _pages.NewContextAsync();
        var officer = await officerContext.NewPageAsync();
        await PortalPages.SignInAsync(officer, "canbo.hn-p-ba-dinh@dvc.local", "CanBo@2026");
        await officer.GotoAsync($"/dossiers/{code}");
        var verified = officer.Locator("dd:has(.badge.verified)");
        await Assertions.Expect(verified).ToHaveCountAsync(4);
        await Assertions.Expect(verified.First).ToContainTextAsync("Trần Thị Bình");
        await Assertions.Expect(officer.Locator("dd:has-text('0987654321')").Locator(".badge.verified")).ToHaveCountAsync(0);
        await _pages.ShotAsync(officer, "officer-sees-verified");
    }
}
