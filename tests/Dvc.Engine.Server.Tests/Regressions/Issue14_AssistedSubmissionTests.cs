using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Regressions;

/// <summary>
/// Issue 14, "must be bounded" — assisted submission: any officer could file any agency's procedure for anyone, and
/// into any existing citizen's account by typing their e-mail. Now an officer files only for their own agency's
/// procedures, and never into an account its owner uses (that needs the citizen's consent: the citizen signs in).
/// </summary>
public sealed class Issue14_AssistedSubmissionTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    [Fact]
    public async Task An_officer_files_for_a_citizen_without_an_account_and_again_into_that_same_new_account()
    {
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        var email = $"nho-nop-ho-{Guid.NewGuid():N}@test.local";

        var first = await officer.PostAsJsonAsync("/api/v1/dossiers", OnBehalf(email));
        var second = await officer.PostAsJsonAsync("/api/v1/dossiers", OnBehalf(email));

        Assert.True(first.StatusCode == HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        Assert.True(second.StatusCode == HttpStatusCode.Created, await second.Content.ReadAsStringAsync());
        var code = JsonNode.Parse(await first.Content.ReadAsStringAsync())!["code"]!.GetValue<string>();
        Assert.False(string.IsNullOrEmpty(JsonNode.Parse(await officer.GetStringAsync($"/api/v1/dossiers/{code}"))!["assistedBy"]?.GetValue<string>()));
    }

    [Fact]
    public async Task An_officer_cannot_file_another_agencys_procedure_for_a_citizen()
    {
        var transport = await server.OfficerAsync("HN-CATP-CSGT");

        var response = await transport.PostAsJsonAsync("/api/v1/dossiers", OnBehalf($"x-{Guid.NewGuid():N}@test.local"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("cơ quan mình", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_cannot_file_into_the_account_of_a_citizen_who_uses_it()
    {
        var email = $"co-tai-khoan-{Guid.NewGuid():N}@test.local";
        var citizen = await server.NewCitizenAsync(email);
        var officer = await server.OfficerAsync("HN-P-BA-DINH");

        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", OnBehalf(email));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Contains("đồng ý", errors["/onBehalfOf/email"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(JsonNode.Parse(await citizen.GetStringAsync("/api/v1/dossiers"))!.AsArray());
    }

    [Fact]
    public async Task Staff_accounts_are_never_filed_into_either()
    {
        var officer = await server.OfficerAsync("HN-P-BA-DINH");

        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", OnBehalf("canbo.hn-catp-csgt@dvc.local"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_citizen_cannot_file_on_someone_elses_behalf()
    {
        var citizen = await server.NewCitizenAsync();

        var response = await citizen.PostAsJsonAsync("/api/v1/dossiers", OnBehalf($"ai-do-{Guid.NewGuid():N}@test.local"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("khong-phai-email")]
    public async Task A_missing_or_malformed_citizen_address_is_a_field_error_not_a_crash(string email)
    {
        var officer = await server.OfficerAsync("HN-P-BA-DINH");

        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", OnBehalf(email));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["/onBehalfOf/email"]);
    }

    [Theory]
    [InlineData("HN-P-BA-DINH", true)]
    [InlineData("HN-CATP-CSGT", false)]
    public async Task The_form_offers_filing_for_a_citizen_only_to_the_procedures_agency(string agency, bool offered)
    {
        var officer = await server.OfficerAsync(agency);

        var html = await officer.GetStringAsync("/procedures/HN-TP-001/submit");

        Assert.Equal(offered, html.Contains("id=\"onBehalfEmail\"", StringComparison.Ordinal));
    }

    private static object OnBehalf(string email) => new
    {
        procedureCode = "HN-TP-001",
        data = Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json"),
        attachments = Submissions.BirthAttachments(),
        onBehalfOf = new { email, fullName = "Trần Thị Mai" },
    };
}
