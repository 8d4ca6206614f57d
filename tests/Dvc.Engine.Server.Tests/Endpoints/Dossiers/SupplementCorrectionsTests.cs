using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Endpoints.Dossiers;

/// <summary>A supplement's data corrects the filed submission as a JSON merge patch: only what the citizen sends changes.</summary>
public sealed class SupplementCorrectionsTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    [Fact]
    public async Task A_supplement_that_corrects_one_field_keeps_the_rest_of_the_submission()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        (await Inbox.CompleteAsync(officer, (await Inbox.OpenTaskAsync(officer, code))!, "RequestSupplement", "Ghi lại số điện thoại.")).EnsureSuccessStatusCode();

        var response = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplements", new
        {
            data = new JsonObject { ["applicant"] = new JsonObject { ["phone"] = "0911222333" } },
            note = "Đã sửa số điện thoại.",
        });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var data = JsonNode.Parse(await citizen.GetStringAsync($"/api/v1/dossiers/{code}"))!["data"]!;
        Assert.Equal("0911222333", data["applicant"]!["phone"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(data["applicant"]!["fullName"]!.GetValue<string>()));
        Assert.NotNull(data["child"]);
    }

    [Fact]
    public async Task A_correction_that_breaks_a_field_is_a_field_error_and_changes_nothing()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        (await Inbox.CompleteAsync(officer, (await Inbox.OpenTaskAsync(officer, code))!, "RequestSupplement", "Ghi lại số điện thoại.")).EnsureSuccessStatusCode();
        var before = JsonNode.Parse(await citizen.GetStringAsync($"/api/v1/dossiers/{code}"))!["data"]!.ToJsonString();

        var response = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplements", new
        {
            data = new JsonObject { ["applicant"] = new JsonObject { ["citizenId"] = "12345" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("/applicant/citizenId"), errors.ToJsonString());
        Assert.Equal(before, JsonNode.Parse(await citizen.GetStringAsync($"/api/v1/dossiers/{code}"))!["data"]!.ToJsonString());
    }
}
