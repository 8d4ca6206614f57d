using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Regressions;

/// <summary>
/// Issue 13, §2 "liên thông": HN-TP-002's verification step goes to the People's Committee of the commune the citizen
/// lived in before (Xã Vân Đình) while the dossier stays with Phường Kim Liên. Vân Đình's officers get the step in
/// their own inbox with only the fields and files it shows; the history records the hand-over and the hand-back.
/// </summary>
public sealed class Issue13_HandOverToAnotherAgencyTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    private const string KimLien = "HN-P-KIM-LIEN";
    private const string VanDinh = "HN-X-VAN-DINH";
    private static readonly string[] RequiredFiles = ["giay-xac-nhan-tthn-da-cap", "trich-luc-khai-tu"];

    private static IEnumerable<object> Files(params string[] ids) =>
        ids.Select(id => new { attachmentId = id, fileName = id + ".pdf", contentType = "application/pdf", contentBase64 = Submissions.PdfBase64 });

    /// <summary>Submits case 07 (lived in Xã Vân Đình) and accepts it at Kim Liên's desk; returns the code and Vân Đình's task.</summary>
    private async Task<(HttpClient Citizen, string Code, JsonObject Task)> HandedOverAsync()
    {
        var citizen = await server.NewCitizenAsync();
        var files = Files([.. RequiredFiles, "ban-sao-cccd"]);
        var submitted = await citizen.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = "HN-TP-002",
            data = Submissions.TestCaseInput("HN-TP-002", "07-tung-cu-tru-noi-khac-phai-xac-minh.json"),
            attachments = files,
        });
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        var code = JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!["code"]!.GetValue<string>();
        var kimLien = await server.OfficerAsync(KimLien);
        (await Inbox.CompleteAsync(kimLien, (await Inbox.OpenTaskAsync(kimLien, code))!, "Accept")).EnsureSuccessStatusCode();
        var task = await Inbox.OpenTaskAsync(await server.OfficerAsync(VanDinh), code);
        Assert.NotNull(task);
        return (citizen, code, task);
    }

    [Fact]
    public async Task The_verification_step_lands_in_the_other_communes_inbox_and_not_in_the_handling_ones()
    {
        var (citizen, code, task) = await HandedOverAsync();

        var atKimLien = await Inbox.OpenTaskAsync(await server.OfficerAsync(KimLien), code);
        var dossier = JsonNode.Parse(await citizen.GetStringAsync($"/api/v1/dossiers/{code}"))!;

        Assert.Equal(VanDinh, task["agencyCode"]!.GetValue<string>());
        Assert.Equal("Xác minh tình trạng hôn nhân tại nơi thường trú trước đây", task["title"]!.GetValue<string>());
        Assert.Null(atKimLien);
        Assert.Equal(KimLien, dossier["agencyCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_other_communes_officer_sees_only_the_fields_and_files_the_step_shows()
    {
        var (_, code, task) = await HandedOverAsync();
        var vanDinh = await server.OfficerAsync(VanDinh);

        var detail = JsonNode.Parse(await vanDinh.GetStringAsync($"/api/v1/tasks/{task["id"]}"))!["dossier"]!;
        var data = detail["data"]!.AsObject();
        var attachments = detail["attachments"]!.AsArray();
        var shown = attachments.Single()!["id"]!.GetValue<string>();
        var hidden = JsonNode.Parse(await (await server.OfficerAsync(KimLien)).GetStringAsync($"/api/v1/dossiers/{code}"))!["attachments"]!.AsArray()
            .Single(a => a!["attachmentId"]!.GetValue<string>() == "trich-luc-khai-tu")!["id"]!.GetValue<string>();

        Assert.Equal(["applicant", "maritalStatus", "previousResidences", "previousCommune"], data.Select(p => p.Key));
        Assert.Equal(["fullName", "birthDate", "sex", "citizenId"], data["applicant"]!.AsObject().Select(p => p.Key));
        Assert.Empty(detail["rules"]!.AsArray());
        Assert.Equal("ban-sao-cccd", attachments.Single()!["attachmentId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await vanDinh.GetAsync($"/api/v1/tasks/{task["id"]}/attachments/{shown}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await vanDinh.GetAsync($"/api/v1/tasks/{task["id"]}/attachments/{hidden}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await vanDinh.GetAsync($"/api/v1/dossiers/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await vanDinh.GetAsync($"/api/v1/dossiers/{code}/attachments/{shown}")).StatusCode);
    }

    [Fact]
    public async Task The_task_page_says_whose_dossier_it_is_and_hides_the_rest()
    {
        var (_, _, task) = await HandedOverAsync();
        var vanDinh = await server.OfficerAsync(VanDinh);

        var page = await vanDinh.GetStringAsync($"/inbox/{task["id"]}");

        Assert.Contains("id=\"hand-over\"", page, StringComparison.Ordinal);
        Assert.Contains("Ủy ban nhân dân phường Kim Liên", page, StringComparison.Ordinal);
        Assert.Contains("Đỗ Quang Huy", page, StringComparison.Ordinal);
        Assert.DoesNotContain("0934567890", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Vũ Thị Thu Hà", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_shows_the_hand_over_and_the_hand_back_and_the_dossier_returns_to_its_agency()
    {
        var (citizen, code, task) = await HandedOverAsync();
        var vanDinh = await server.OfficerAsync(VanDinh);
        var kimLien = await server.OfficerAsync(KimLien);

        var done = await Inbox.CompleteAsync(vanDinh, task, "Verified", "Tại địa phương, ông Huy chưa đăng ký kết hôn với ai.");
        var next = await Inbox.OpenTaskAsync(kimLien, code);
        var timeline = JsonNode.Parse(await citizen.GetStringAsync($"/api/v1/dossiers/{code}"))!["timeline"]!.AsArray();

        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        Assert.Equal(KimLien, next?["agencyCode"]?.GetValue<string>());
        var over = timeline.Single(e => e!["kind"]!.GetValue<string>() == "HandedOver")!["title"]!.GetValue<string>();
        var back = timeline.Single(e => e!["kind"]!.GetValue<string>() == "HandedBack")!;
        Assert.Equal("Chuyển Ủy ban nhân dân xã Vân Đình xử lý (liên thông): Xác minh tình trạng hôn nhân tại nơi thường trú trước đây", over);
        Assert.Equal("Ủy ban nhân dân xã Vân Đình đã xử lý xong và chuyển trả hồ sơ: Xác minh tình trạng hôn nhân tại nơi thường trú trước đây — Đã xác minh", back["title"]!.GetValue<string>());
        Assert.Equal("Tại địa phương, ông Huy chưa đăng ký kết hôn với ai.", back["detail"]?.GetValue<string>());
        Assert.True(timeline.IndexOf(timeline.First(e => e!["kind"]!.GetValue<string>() == "HandedOver")) < timeline.IndexOf(back));
    }

    [Fact]
    public async Task Without_a_commune_of_former_residence_the_handling_commune_verifies_itself()
    {
        var citizen = await server.NewCitizenAsync();
        var data = Submissions.TestCaseInput("HN-TP-002", "07-tung-cu-tru-noi-khac-phai-xac-minh.json");
        data.Remove("previousCommune");
        var files = Files(RequiredFiles);
        var submitted = await citizen.PostAsJsonAsync("/api/v1/dossiers", new { procedureCode = "HN-TP-002", data, attachments = files });
        var code = JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!["code"]!.GetValue<string>();
        var kimLien = await server.OfficerAsync(KimLien);
        (await Inbox.CompleteAsync(kimLien, (await Inbox.OpenTaskAsync(kimLien, code))!, "Accept")).EnsureSuccessStatusCode();

        var verification = await Inbox.OpenTaskAsync(kimLien, code);
        var timeline = JsonNode.Parse(await citizen.GetStringAsync($"/api/v1/dossiers/{code}"))!["timeline"]!.AsArray();

        Assert.Equal(KimLien, verification?["agencyCode"]?.GetValue<string>());
        Assert.DoesNotContain(timeline, e => e!["kind"]!.GetValue<string>() == "HandedOver");
    }
}
