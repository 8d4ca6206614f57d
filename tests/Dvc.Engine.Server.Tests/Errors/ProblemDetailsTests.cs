using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Errors;

public sealed class ProblemDetailsTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    [Theory]
    [InlineData("GET", "/api/v1/dossiers")]
    [InlineData("POST", "/api/v1/dossiers")]
    [InlineData("GET", "/api/v1/dossiers/HN-2026-0000001")]
    [InlineData("GET", "/api/v1/tasks")]
    [InlineData("POST", "/api/v1/tasks/0194f2a4-0000-7000-8000-000000000000/completion")]
    public async Task Anonymous_api_calls_are_refused_with_401_problem_not_a_redirect(string method, string path)
    {
        var client = server.CreateBrowserlessClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { });
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal(401, problem["status"]!.GetValue<int>());
        Assert.EndsWith("/unauthorized", problem["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_problem_carries_type_title_status_and_trace_id()
    {
        var citizen = await server.NewCitizenAsync();

        var response = await citizen.GetAsync("/api/v1/dossiers/HN-2026-9999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.EndsWith("/not-found", problem["type"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(problem["title"]!.GetValue<string>()));
        Assert.Equal(404, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["traceId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Submitting_to_an_unknown_procedure_is_404()
    {
        var citizen = await server.NewCitizenAsync();

        var response = await citizen.PostAsJsonAsync("/api/v1/dossiers", new { procedureCode = "HN-XX-999", data = new { } });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.EndsWith("/not-found", (await ProblemAsync(response))["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_malformed_json_body_is_a_400_problem()
    {
        var citizen = await server.NewCitizenAsync();

        var response = await citizen.PostAsync("/api/v1/dossiers", new StringContent("{ \"procedureCode\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, (await ProblemAsync(response))["status"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("vi", "{ \"procedureCode\": 5, \"data\": {} }", "Nội dung JSON không đọc được hoặc sai kiểu dữ liệu tại $.procedureCode.")]
    [InlineData("en", "{ \"procedureCode\": 5, \"data\": {} }", "The JSON body cannot be read or has a wrong type at $.procedureCode.")]
    [InlineData("vi", "null", "Yêu cầu thiếu nội dung JSON.")]
    [InlineData("vi", "{bad", "Nội dung JSON không đọc được hoặc sai kiểu dữ liệu.")]
    [InlineData("en", "null", "The request has no JSON body.")]
    public async Task A_body_that_cannot_be_read_is_explained_in_the_clients_language_not_in_framework_terms(string culture, string body, string detail)
    {
        var citizen = await server.NewCitizenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.AcceptLanguage.ParseAdd(culture);

        var response = await citizen.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.EndsWith("/bad-request", problem["type"]!.GetValue<string>());
        Assert.Equal(detail, problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("vi", "GET", "/api/v1/no-such-thing", null, "Không tìm thấy", "/not-found")]
    [InlineData("en", "GET", "/api/v1/no-such-thing", null, "Not found", "/not-found")]
    [InlineData("en", "GET", "/api/v1/dossiers", null, "Authentication required", "/unauthorized")]
    [InlineData("vi", "POST", "/api/v1/procedures/HN-TP-001/assessments", "text/plain", "Kiểu nội dung không được hỗ trợ, hãy gửi application/json", "/bad-request")]
    [InlineData("vi", "PUT", "/api/v1/procedures/HN-TP-001", null, "Phương thức không được hỗ trợ cho địa chỉ này", "/bad-request")]
    public async Task Bare_status_codes_get_a_title_in_the_clients_language(string culture, string method, string path, string? contentType, string title, string type)
    {
        var client = server.CreateBrowserlessClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (contentType is not null)
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, contentType);
        }

        request.Headers.AcceptLanguage.ParseAdd(culture);

        var problem = await ProblemAsync(await client.SendAsync(request));

        Assert.Equal(title, problem["title"]!.GetValue<string>());
        Assert.EndsWith(type, problem["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_api_route_answers_a_problem_too()
    {
        var client = server.CreateBrowserlessClient();

        var response = await client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await ProblemAsync(response))["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Wrong_password_is_401_and_repeated_failures_lock_the_account()
    {
        var email = $"khoa-{Guid.NewGuid():N}@test.local";
        await server.NewCitizenAsync(email);
        var client = server.CreateBrowserlessClient();

        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await client.PostAsJsonAsync("/api/v1/session", new { email, password = "sai-mat-khau" });
        }

        var right = await client.PostAsJsonAsync("/api/v1/session", new { email, password = "MatKhau@2026" });

        Assert.Equal(HttpStatusCode.Unauthorized, last.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
    }

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
