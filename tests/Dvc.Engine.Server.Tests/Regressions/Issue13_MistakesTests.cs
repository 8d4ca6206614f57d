using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Persistence;
using Dvc.Engine.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dvc.Engine.Server.Tests.Regressions;

/// <summary>
/// Issue 13 §4: mistakes people make. Implausible dates are field errors in the same round as missing documents; a
/// draft keeps its files; a forgotten password, or an account an officer made at the counter, is reset or claimed by
/// a link e-mailed through the outbox.
/// </summary>
public sealed class Issue13_MistakesTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    private const string Form = "/procedures/HN-TP-001/submit";

    [Fact]
    public async Task A_birth_in_the_future_and_the_missing_documents_are_reported_in_one_round()
    {
        var citizen = await server.NewCitizenAsync();
        var data = Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json");
        data["child"]!["birthDate"] = "2099-01-01";

        var response = await citizen.PostAsJsonAsync("/api/v1/dossiers", new { procedureCode = "HN-TP-001", data, attachments = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Contains("/child/birthDate", errors.Select(e => e.Key));
        Assert.Contains("/$attachments/giay-chung-sinh", errors.Select(e => e.Key));
        Assert.Contains("không được sau ngày nộp hồ sơ (02/03/2026)", errors["/child/birthDate"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saved_draft_keeps_its_files_and_submits_them_without_choosing_again()
    {
        var citizen = await server.NewCitizenAsync();
        var (_, token) = await PageForms.GetAsync(citizen, Form);
        var fields = PageForms.FieldsOf(Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json")).ToList();
        var pdf = Convert.FromBase64String(Submissions.PdfBase64);

        var saved = await PageForms.PostWithFilesAsync(
            citizen, Form, token, [.. fields, new("action", "draft")],
            [("attachment:giay-chung-sinh", "giay-chung-sinh.pdf", "application/pdf", pdf), ("attachment:giay-chung-nhan-ket-hon", "ket-hon.pdf", "application/pdf", pdf)]);
        var reopened = await citizen.GetStringAsync(saved.Headers.Location!.OriginalString);

        Assert.Contains("Đã có tệp: giay-chung-sinh.pdf", reopened, StringComparison.Ordinal);
        Assert.Contains("gồm cả các tệp đã đính kèm", reopened, StringComparison.Ordinal);
        var kept = System.Text.RegularExpressions.Regex.Matches(reopened, "name=\"(kept:[^\"]+)\" value=\"([^\"]+)\"")
            .Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)));
        var draftToken = System.Text.RegularExpressions.Regex.Match(reopened, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var draftId = System.Text.RegularExpressions.Regex.Match(reopened, "name=\"draftId\" value=\"([^\"]+)\"").Groups[1].Value;
        var submitted = await PageForms.PostAsync(citizen, Form, WebUtility.HtmlDecode(draftToken), [.. fields, .. kept, new("draftId", draftId), new("action", "submit")]);

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Contains("submitted=true", submitted.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_link_in_the_outbox()
    {
        var email = $"quen-{Guid.NewGuid():N}@test.local";
        await server.NewCitizenAsync(email);
        var anonymous = server.CreateBrowserlessClient();

        var (_, token) = await PageForms.GetAsync(anonymous, "/account/forgot");
        var sent = await PageForms.PostAsync(anonymous, "/account/forgot", token, [new("email", email)]);
        Assert.Contains("id=\"link-sent\"", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await SetPasswordThroughLinkAsync(anonymous, email, "MatKhauMoi@2027");

        await DvcServerFactory.SignInAsync(server.CreateBrowserlessClient(), email, "MatKhauMoi@2027");
    }

    [Fact]
    public async Task An_account_made_at_the_counter_is_claimed_by_its_owner_instead_of_blocking_registration()
    {
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        var email = $"tai-quay-{Guid.NewGuid():N}@test.local";
        (await officer.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = "HN-TP-001",
            data = Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json"),
            attachments = Submissions.BirthAttachments(),
            onBehalfOf = new { email, fullName = "Trần Thị Mai" },
        })).EnsureSuccessStatusCode();
        var owner = server.CreateBrowserlessClient();

        var (_, token) = await PageForms.GetAsync(owner, "/account/register");
        var registered = await PageForms.PostAsync(owner, "/account/register", token, [new("fullName", "Trần Thị Mai"), new("email", email), new("password", "MatKhau@2026"), new("confirm", "MatKhau@2026")]);
        Assert.Contains("id=\"claim-sent\"", await registered.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await SetPasswordThroughLinkAsync(owner, email, "MatKhau@2026");

        var signedIn = server.CreateBrowserlessClient();
        await DvcServerFactory.SignInAsync(signedIn, email, "MatKhau@2026");
        Assert.Single(JsonNode.Parse(await signedIn.GetStringAsync("/api/v1/dossiers"))!.AsArray());
    }

    [Fact]
    public async Task A_reset_link_with_a_forged_token_sets_nothing()
    {
        var email = $"gia-{Guid.NewGuid():N}@test.local";
        await server.NewCitizenAsync(email);
        var client = server.CreateBrowserlessClient();
        var path = $"/account/reset?email={Uri.EscapeDataString(email)}&token=Zm9yZ2Vk";

        var (_, token) = await PageForms.GetAsync(client, path);
        var response = await PageForms.PostAsync(client, path, token, [new("email", email), new("token", "Zm9yZ2Vk"), new("password", "Khac@20261"), new("confirm", "Khac@20261")]);

        Assert.Contains("Đường dẫn không hợp lệ hoặc đã hết hạn", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await DvcServerFactory.SignInAsync(server.CreateBrowserlessClient(), email, "MatKhau@2026");
    }

    /// <summary>Follows the link of the latest account e-mail to <paramref name="email"/> over HTTP, as its owner would.</summary>
    private async Task SetPasswordThroughLinkAsync(HttpClient client, string email, string password)
    {
        string link;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DvcDbContext>();
            var message = (await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == "account-email").ToListAsync())
                .Select(m => JsonNode.Parse(m.PayloadJson)!)
                .Last(p => p["to"]!.GetValue<string>() == email);
            link = message["link"]!.GetValue<string>();
            Assert.Contains(link, message["text"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        var path = new Uri(link).PathAndQuery;
        var (html, token) = await PageForms.GetAsync(client, path);
        Assert.Contains(email, html, StringComparison.Ordinal);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(link).Query);
        var response = await PageForms.PostAsync(client, path, token, [new("email", query["email"]!), new("token", query["token"]!), new("password", password), new("confirm", password)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?reset=true", response.Headers.Location!.OriginalString);
    }
}
