using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Forms;

/// <summary>
/// Regression: the district → ward cascade was only a browser hint. The API (or a page without script) accepted
/// "Phường Dịch Vọng" in "Quận Ba Đình", or a unit that does not exist, and the dossier was filed with it.
/// </summary>
public sealed class AdministrativeUnitCheckTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    private const string Address = "/applicant/permanentAddress";

    [Theory]
    [InlineData("hn-2020", "district", "Quận Ba Đình", "ward", "Phường Dịch Vọng", "/ward", "Phường Dịch Vọng không thuộc Quận Ba Đình.")]
    [InlineData("hn-2020", "district", "Quận Không Có", "ward", "Phường Dịch Vọng", "/district", "\"Quận Không Có\" không có trong danh mục đơn vị hành chính.")]
    [InlineData("hn-2025", "commune", "Phường Không Có", null, null, "/commune", "\"Phường Không Có\" không có trong danh mục đơn vị hành chính.")]
    public async Task A_unit_outside_its_parent_or_outside_the_list_is_a_field_error(
        string system, string field, string value, string? childField, string? childValue, string errorAt, string message)
    {
        var errors = await AssessAsync(system, (field, value), (childField, childValue));

        Assert.Equal(message, errors[Address + errorAt]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("hn-2020", "Quận Cầu Giấy", "Phường Dịch Vọng")]
    // Rural districts have no ward list yet: the typed commune is taken as written.
    [InlineData("hn-2020", "Huyện Ba Vì", "Xã Ba Trại")]
    public async Task A_ward_of_its_own_district_or_of_a_district_without_a_list_is_accepted(string system, string district, string ward)
    {
        var errors = await AssessAsync(system, ("district", district), ("ward", ward));

        Assert.DoesNotContain(errors, e => e.Key.StartsWith(Address, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Corrected_data_sent_as_a_supplement_is_checked_the_same_way()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        (await Inbox.CompleteAsync(officer, (await Inbox.OpenTaskAsync(officer, code))!, "RequestSupplement", "Ghi lại địa chỉ theo giấy tờ cũ.")).EnsureSuccessStatusCode();
        var data = Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json");
        data["applicant"]!["permanentAddress"] = new JsonObject
        {
            ["province"] = "Thành phố Hà Nội", ["unitSystem"] = "hn-2020", ["district"] = "Quận Ba Đình", ["ward"] = "Phường Dịch Vọng", ["street"] = "Số 12, ngõ 34 phố Đội Cấn",
        };

        var response = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplements", new { data, note = "Đã sửa địa chỉ." });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal("Phường Dịch Vọng không thuộc Quận Ba Đình.", errors[Address + "/ward"]![0]!.GetValue<string>());
    }

    private async Task<JsonObject> AssessAsync(string system, (string Name, string Value) first, (string? Name, string? Value) second)
    {
        var data = Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json");
        var address = new JsonObject { ["province"] = "Thành phố Hà Nội", ["unitSystem"] = system, ["street"] = "Số 12, ngõ 34 phố Đội Cấn", [first.Name] = first.Value };
        if (second.Name is not null)
        {
            address[second.Name] = second.Value;
        }

        data["applicant"]!["permanentAddress"] = address;
        var client = server.CreateBrowserlessClient();

        var response = await client.PostAsJsonAsync("/api/v1/procedures/HN-TP-001/assessments", new { data });

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return body["errors"]?.AsObject() ?? [];
    }
}
