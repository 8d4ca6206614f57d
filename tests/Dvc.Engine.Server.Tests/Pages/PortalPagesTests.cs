using System.Net;
using Dvc.Engine.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Dvc.Engine.Server.Tests.Pages;

public sealed class PortalPagesTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    private const string Form = "/procedures/HN-TP-001/submit";

    [Fact]
    public async Task The_catalog_page_lists_birth_registration_in_vietnamese()
    {
        var client = server.CreateBrowserlessClient();

        var html = await client.GetStringAsync("/?q=khai+sinh");

        Assert.Contains("Danh mục thủ tục hành chính", html, StringComparison.Ordinal);
        Assert.Contains("Đăng ký khai sinh", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_visitor_opening_a_form_is_sent_to_sign_in()
    {
        var client = server.CreateBrowserlessClient();

        var response = await client.GetAsync(Form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_citizen_opening_the_inbox_is_denied()
    {
        var citizen = await server.NewCitizenAsync();

        var response = await citizen.GetAsync("/inbox");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_the_form_shows_vietnamese_errors_next_to_the_fields()
    {
        var citizen = await server.NewCitizenAsync();
        var (_, token) = await PageForms.GetAsync(citizen, Form);

        var response = await PageForms.PostAsync(citizen, Form, token, [new("action", "submit"), new("/child/birthDate", "31/02/2026")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"form-errors\"", html, StringComparison.Ordinal);
        Assert.Contains("Ngày không hợp lệ, nhập theo dạng dd/mm/yyyy.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"31/02/2026\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saved_draft_is_listed_and_reopens_with_its_values()
    {
        var citizen = await server.NewCitizenAsync();
        var (_, token) = await PageForms.GetAsync(citizen, Form);

        var saved = await PageForms.PostAsync(citizen, Form, token, [new("action", "draft"), new("/child/fullName", "Lê Minh Khôi")]);
        var reopened = await citizen.GetStringAsync(saved.Headers.Location!.OriginalString);
        var mine = await citizen.GetStringAsync("/dossiers");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("value=\"Lê Minh Khôi\"", reopened, StringComparison.Ordinal);
        Assert.Contains("Bản nháp", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_draft_saved_notice_shows_hanoi_time_whatever_the_servers_time_zone()
    {
        var citizen = await server.NewCitizenAsync();
        var (_, token) = await PageForms.GetAsync(citizen, Form);

        var saved = await PageForms.PostAsync(citizen, Form, token, [new("action", "draft"), new("/child/fullName", "Lê Minh Khôi")]);
        var reopened = await citizen.GetStringAsync(saved.Headers.Location!.OriginalString);

        // The fake clock's local zone is UTC, like a container's: the notice must still read Hanoi time.
        var hanoi = server.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"Đã lưu nháp lúc {hanoi}", reopened, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_working_day_is_singular_in_english()
    {
        var client = server.CreateBrowserlessClient();

        var catalog = await client.GetStringAsync("/?culture=en");
        var procedure = await client.GetStringAsync("/procedures/HN-TP-001?culture=en");

        Assert.Contains(">1 working day<", catalog, StringComparison.Ordinal);
        Assert.DoesNotContain("1 working days", catalog + procedure, StringComparison.Ordinal);
        Assert.Contains(">42 working days<", catalog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_decision_trace_reads_as_rule_titles_with_the_values_read_for_citizen_and_officer_alike()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-P-BA-DINH");

        var citizenPage = await citizen.GetStringAsync($"/dossiers/{code}");
        var officerPage = await officer.GetStringAsync($"/dossiers/{code}");

        foreach (var page in new[] { citizenPage, officerPage })
        {
            Assert.DoesNotContain("eligibility/sinh-tai-viet-nam", page, StringComparison.Ordinal);
            Assert.Contains("Thông tin đã xét", page, StringComparison.Ordinal);
            Assert.Contains("Tổng lệ phí", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Fee_and_checklist_rules_read_as_their_labels_for_the_officer()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-P-BA-DINH");

        var officerPage = await officer.GetStringAsync($"/dossiers/{code}");

        Assert.DoesNotContain("<code>fees/", officerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("<code>checklist/", officerPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_files_through_the_form_for_a_citizen_and_the_dossier_says_so()
    {
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        var (html, token) = await PageForms.GetAsync(officer, Form);
        var fields = PageForms.FieldsOf(Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json")).ToList();
        fields.Add(new("action", "submit"));
        fields.Add(new("onBehalfEmail", $"ba-lan-{Guid.NewGuid():N}@test.local"));
        fields.Add(new("onBehalfName", "Trần Thị Lan"));
        var pdf = Convert.FromBase64String(Submissions.PdfBase64);

        var response = await PageForms.PostWithFilesAsync(officer, Form, token, fields,
            [("attachment:giay-chung-sinh", "giay-chung-sinh.pdf", "application/pdf", pdf), ("attachment:giay-chung-nhan-ket-hon", "ket-hon.pdf", "application/pdf", pdf)]);
        var dossier = await officer.GetStringAsync(response.Headers.Location!.OriginalString);

        Assert.Contains("Nộp thay công dân", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Nộp thay bởi cán bộ", dossier, StringComparison.Ordinal);
        Assert.Contains("id=\"dossier-code\"", dossier, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var citizen = await server.NewCitizenAsync();

        var response = await citizen.PostAsync(Form, new FormUrlEncodedContent([new("action", "submit")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Pages_stay_vietnamese_in_an_english_browser_while_the_api_follows_accept_language()
    {
        var client = server.CreateBrowserlessClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var page = await client.GetStringAsync("/");
        var response = await client.GetAsync("/api/v1/procedures/HN-XX-404");

        Assert.Contains("<html lang=\"vi\">", page, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Not found\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/procedures/HN-TP-001?x=1", "/procedures/HN-TP-001?x=1")]
    [InlineData("https://evil.example/x", "/")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("/\\evil.example/x", "/")]
    public async Task The_language_switch_returns_only_to_a_page_of_the_portal(string returnUrl, string expected)
    {
        var client = server.CreateBrowserlessClient();

        var switched = await client.GetAsync("/culture/en?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal(expected, switched.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_language_switch_keeps_english_in_a_cookie()
    {
        var client = server.CreateBrowserlessClient();

        var switched = await client.GetAsync("/culture/en?returnUrl=%2F");
        var html = await client.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Contains("Administrative procedures", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Single_sign_on_is_offered_only_when_configured()
    {
        using var withSso = server.WithWebHostBuilder(b => b
            .UseSetting("Dvc:OpenIdConnect:Enabled", "true")
            .UseSetting("Dvc:OpenIdConnect:Authority", "https://sso.example.vn")
            .UseSetting("Dvc:OpenIdConnect:ClientId", "dvc-portal")
            .UseSetting("Dvc:OpenIdConnect:DisplayName", "VNeID"));

        var plain = await server.CreateBrowserlessClient().GetStringAsync("/account/login");
        var sso = await withSso.CreateClient().GetStringAsync("/account/login");

        Assert.DoesNotContain("VNeID", plain, StringComparison.Ordinal);
        Assert.Contains("Đăng nhập bằng VNeID", sso, StringComparison.Ordinal);
    }
}
