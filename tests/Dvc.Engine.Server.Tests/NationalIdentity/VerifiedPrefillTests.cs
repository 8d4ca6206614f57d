using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.NationalIdentity;

/// <summary>
/// Issue 20, verified pre-fill: the shared applicant fragment declares <c>x-ui.prefill</c>, so for a citizen signed in
/// through the real provider on loopback every procedure's form opens with name, ID number, birth date and sex filled
/// and locked; a submission changing them is refused with the field; the officer sees which data were verified.
/// </summary>
public sealed partial class VerifiedPrefillTests : IAsyncLifetime
{
    private static readonly string[] Locked = ["/applicant/fullName", "/applicant/citizenId", "/applicant/birthDate"];

    private IdentityProviderPeer _provider = null!;
    private DvcServerFactory _portal = null!;

    public async Task InitializeAsync()
    {
        _provider = await IdentityProviderPeer.StartAsync();
        _portal = new DvcServerFactory();
        _provider.Configure(_portal);
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Theory]
    [InlineData("HN-TP-001")]
    [InlineData("HN-GTVT-001")]
    public async Task The_form_opens_with_the_verified_name_ID_birth_date_and_sex_locked_and_the_rest_open(string procedure)
    {
        using var browser = new TwoSiteBrowser(_portal);
        await IdentityProviderPeer.SignInWithNewAccountAsync(browser, "vneid-binh");

        var form = await (await browser.GetAsync($"/procedures/{procedure}/submit")).Content.ReadAsStringAsync();

        Assert.Contains("value=\"Trần Thị Bình\"", Input(form, "/applicant/fullName"), StringComparison.Ordinal);
        Assert.Contains("value=\"001195006789\"", Input(form, "/applicant/citizenId"), StringComparison.Ordinal);
        Assert.Contains("value=\"20/08/1995\"", Input(form, "/applicant/birthDate"), StringComparison.Ordinal);
        Assert.All(Locked, p => Assert.Contains("readonly", Input(form, p), StringComparison.Ordinal));
        Assert.Matches("<input type=\"hidden\" name=\"/applicant/sex\" value=\"nu\"", form);
        Assert.DoesNotContain("readonly", Input(form, "/applicant/phone"), StringComparison.Ordinal);
        Assert.Contains("Đã xác thực qua định danh điện tử", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_session_of_a_linked_account_gets_nothing_locked_nothing_was_verified_then()
    {
        using (var browser = new TwoSiteBrowser(_portal))
        {
            var choice = await IdentityProviderPeer.SignInAsync(browser, "vneid-an");
            await browser.SubmitAsync(choice, "/account/external?handler=password&returnUrl=%2F", ("email", "congdan@dvc.local"), ("password", "CongDan@2026"));
        }

        using var citizen = _portal.CreateBrowserlessClient();
        await DvcServerFactory.SignInAsync(citizen, "congdan@dvc.local", "CongDan@2026");
        var form = await citizen.GetStringAsync("/procedures/HN-TP-001/submit");

        Assert.DoesNotContain("readonly", Input(form, "/applicant/fullName"), StringComparison.Ordinal);
        Assert.DoesNotContain("Đã xác thực qua định danh điện tử", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submission_that_changes_verified_data_is_refused_with_each_changed_field()
    {
        using var browser = new TwoSiteBrowser(_portal);
        await IdentityProviderPeer.SignInWithNewAccountAsync(browser, "vneid-binh");
        var data = VerifiedBirthRegistration();
        data["applicant"]!["fullName"] = "Trần Thị Mai";
        data["applicant"]!["citizenId"] = "001194023456";

        var response = await browser.PostJsonAsync("/api/v1/dossiers", Submissions.BirthRegistration(data));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["/applicant/citizenId", "/applicant/fullName"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("đã được xác thực qua định danh điện tử", errors["/applicant/fullName"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_officer_sees_which_data_were_verified_and_which_were_typed()
    {
        using var browser = new TwoSiteBrowser(_portal);
        await IdentityProviderPeer.SignInWithNewAccountAsync(browser, "vneid-binh");
        var submitted = await browser.PostJsonAsync("/api/v1/dossiers", Submissions.BirthRegistration(VerifiedBirthRegistration()));
        var receipt = JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!;
        Assert.True(submitted.IsSuccessStatusCode, receipt.ToJsonString());
        var code = receipt["code"]!.GetValue<string>();

        var dossier = JsonNode.Parse(await (await browser.GetAsync($"/api/v1/dossiers/{code}")).Content.ReadAsStringAsync())!;
        using var officer = await _portal.OfficerAsync(dossier["agencyCode"]!.GetValue<string>());
        var page = await officer.GetStringAsync($"/dossiers/{code}");

        Assert.Matches(Verified("Trần Thị Bình"), page);
        Assert.Matches(Verified("001195006789"), page);
        Assert.Matches(Verified("20/08/1995"), page);
        Assert.DoesNotMatch(Verified("0987654321"), page);
        Assert.Contains("<dd>0987654321</dd>", page, StringComparison.Ordinal);
    }

    /// <summary>Issue 20, one citizen: a typed ID number is not silently taken for the verified citizen who owns it.</summary>
    [Fact]
    public async Task A_typed_ID_number_of_another_verified_citizen_is_flagged_to_the_officer_and_reaches_that_citizen()
    {
        using var binh = new TwoSiteBrowser(_portal);
        await IdentityProviderPeer.SignInWithNewAccountAsync(binh, "vneid-binh");
        using var someone = await _portal.NewCitizenAsync();
        var data = Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json");
        data["applicant"]!["citizenId"] = "001195006789";
        var code = await Submissions.SubmitAsync(someone, Submissions.BirthRegistration(data));
        var own = await Submissions.SubmitAsync(someone, Submissions.BirthRegistration());

        var agency = JsonNode.Parse(await someone.GetStringAsync($"/api/v1/dossiers/{code}"))!["agencyCode"]!.GetValue<string>();
        using var officer = await _portal.OfficerAsync(agency);
        var flagged = await officer.GetStringAsync($"/dossiers/{code}");
        var clean = await officer.GetStringAsync($"/dossiers/{own}");
        var submitterPage = await someone.GetStringAsync($"/dossiers/{code}");
        var binhList = await (await binh.GetAsync("/api/v1/dossiers")).Content.ReadAsStringAsync();
        var binhView = await binh.GetAsync($"/api/v1/dossiers/{code}");

        Assert.Contains("id=\"citizen-id-of-another\"", flagged, StringComparison.Ordinal);
        Assert.Contains("số định danh 001195006789 đã được một công dân khác xác thực", flagged, StringComparison.Ordinal);
        Assert.DoesNotContain("citizen-id-of-another", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("citizen-id-of-another", submitterPage, StringComparison.Ordinal);
        Assert.Contains(code, binhList, StringComparison.Ordinal);
        Assert.DoesNotContain(own, binhList, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, binhView.StatusCode);
    }

    /// <summary>The on-time birth registration, filed by Trần Thị Bình with her verified data.</summary>
    private static JsonObject VerifiedBirthRegistration()
    {
        var data = Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json");
        var applicant = data["applicant"]!.AsObject();
        applicant["fullName"] = "Trần Thị Bình";
        applicant["citizenId"] = "001195006789";
        applicant["birthDate"] = "1995-08-20";
        applicant["sex"] = "nu";
        return data;
    }

    private static string Input(string html, string name) =>
        Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*>").Value is { Length: > 0 } input ? input : throw new InvalidOperationException($"No input {name} on the page.");

    private static Regex Verified(string value) => new($"<dd>{Regex.Escape(value)} <span class=\"badge verified\"");
}
