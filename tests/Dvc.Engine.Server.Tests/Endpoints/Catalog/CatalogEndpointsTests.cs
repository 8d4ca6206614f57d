using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Endpoints.Catalog;

public sealed class CatalogEndpointsTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    [Theory]
    [InlineData("Đăng ký khai sinh")]
    [InlineData("dang ky khai sinh")]
    [InlineData("HN-TP-001")]
    public async Task Catalog_search_finds_birth_registration_with_or_without_diacritics(string query)
    {
        var client = server.CreateBrowserlessClient();

        var found = JsonNode.Parse(await client.GetStringAsync($"/api/v1/procedures?q={Uri.EscapeDataString(query)}"))!.AsArray();

        Assert.Contains(found, p => p!["code"]!.GetValue<string>() == "HN-TP-001");
    }

    [Fact]
    public async Task Every_procedure_folder_of_the_repository_compiles_and_is_served()
    {
        var client = server.CreateBrowserlessClient();
        var folders = Directory.GetDirectories(Path.Combine(DvcServerFactory.RepositoryDefinitions(), "procedures")).Select(Path.GetFileName).Order().ToArray();

        var served = JsonNode.Parse(await client.GetStringAsync("/api/v1/procedures"))!.AsArray().Select(p => p!["code"]!.GetValue<string>()).Order().ToArray();

        Assert.Equal(folders, served);
    }

    [Theory]
    [InlineData("commune", "HN-TP-001", true)]
    [InlineData("city", "HN-TP-001", false)]
    [InlineData("city", "HN-GTVT-001", true)]
    public async Task Catalog_filters_by_administrative_level(string level, string code, bool listed)
    {
        var client = server.CreateBrowserlessClient();

        var found = JsonNode.Parse(await client.GetStringAsync($"/api/v1/procedures?level={level}"))!.AsArray();

        Assert.Equal(listed, found.Any(p => p!["code"]!.GetValue<string>() == code));
    }

    [Fact]
    public async Task A_procedure_comes_with_its_form_schema_and_stored_versions()
    {
        var client = server.CreateBrowserlessClient();

        var procedure = JsonNode.Parse(await client.GetStringAsync("/api/v1/procedures/HN-TP-001"))!;
        var versions = JsonNode.Parse(await client.GetStringAsync("/api/v1/procedures/HN-TP-001/versions"))!.AsArray();

        Assert.NotNull(procedure["formSchema"]!["properties"]!["child"]);
        Assert.Single(versions);
        Assert.Equal("Published", versions[0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Assessing_an_eligible_submission_gives_the_fee_and_the_documents_without_filing_it()
    {
        var client = server.CreateBrowserlessClient();
        var data = Submissions.TestCaseInput("HN-TP-001", "02-qua-han-xin-2-ban-sao.json");

        var response = await client.PostAsJsonAsync("/api/v1/procedures/HN-TP-001/assessments", new { data });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body["fee"]!.GetValue<long>() > 0);
        Assert.NotEmpty(body["feeLines"]!.AsArray());
        Assert.Contains(body["documents"]!.AsArray(), d => d!["attachmentId"]!.GetValue<string>() == "giay-chung-sinh");
    }

    [Fact]
    public async Task Assessing_an_ineligible_submission_gives_the_reasons()
    {
        var client = server.CreateBrowserlessClient();
        var data = Submissions.TestCaseInput("HN-TP-001", "06-cha-nguoi-nuoc-ngoai.json");

        var response = await client.PostAsJsonAsync("/api/v1/procedures/HN-TP-001/assessments", new { data });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotEmpty(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["reasons"]!.AsArray());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_versioned_routes()
    {
        var client = server.CreateBrowserlessClient();

        var response = await client.GetAsync("/openapi/v1.json");
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(document["paths"]!["/api/v1/dossiers"]);
        Assert.NotNull(document["paths"]!["/api/v1/tasks/{id}/completion"]);
    }

    [Theory]
    [InlineData("/api/v1/dossiers/{code}", "get", "404")]
    [InlineData("/api/v1/dossiers/{code}", "get", "401")]
    [InlineData("/api/v1/dossiers", "post", "409")]
    [InlineData("/api/v1/dossiers/{code}/supplements", "post", "409")]
    [InlineData("/api/v1/procedures/{code}", "get", "404")]
    [InlineData("/api/v1/tasks/{id}/completion", "post", "409")]
    [InlineData("/api/v1/tasks", "get", "403")]
    public async Task The_openapi_document_declares_the_problems_a_route_answers(string path, string method, string status)
    {
        var client = server.CreateBrowserlessClient();

        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;

        var response = document["paths"]![path]![method]!["responses"]![status];
        Assert.NotNull(response);
        Assert.NotNull(response!["content"]!["application/problem+json"]);
    }
}
