using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Endpoints.Dossiers;

/// <summary>
/// Regression: bodies that parse as JSON but leave out members the contracts need (no procedureCode, no data, an
/// attachment without content, content that is not base64) answered 500. They are the client's mistakes and
/// must come back as 400 field errors, keyed where the client can find them.
/// </summary>
public sealed class IncompleteRequestTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    [Theory]
    [InlineData("""{ "data": {} }""", "/procedureCode")]
    [InlineData("""{ "procedureCode": "  ", "data": {} }""", "/procedureCode")]
    [InlineData("""{ "procedureCode": "HN-TP-001" }""", "/child")]
    [InlineData("""{ "procedureCode": "HN-TP-001", "data": {}, "attachments": [ { "attachmentId": "giay-chung-sinh" } ] }""", "/$attachments/giay-chung-sinh")]
    [InlineData("""{ "procedureCode": "HN-TP-001", "data": {}, "attachments": [ null ] }""", "/$attachments/")]
    [InlineData("""{ "procedureCode": "HN-TP-001", "data": {}, "attachments": [ { "attachmentId": "giay-chung-sinh", "fileName": "a.pdf", "contentType": "application/pdf", "contentBase64": "!!!" } ] }""", "/$attachments/giay-chung-sinh")]
    public async Task An_incomplete_submission_is_a_400_with_the_missing_part_named(string body, string errorKey)
    {
        var citizen = await server.NewCitizenAsync();

        var response = await citizen.PostAsync("/api/v1/dossiers", Json(body));

        var errors = await FieldErrorsAsync(response);
        Assert.Contains(errorKey, errors.Select(e => e.Key));
    }

    [Fact]
    public async Task A_supplement_whose_file_is_not_base64_is_a_400_not_a_crash()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);

        var response = await citizen.PostAsync(
            $"/api/v1/dossiers/{code}/supplements",
            Json("""{ "note": "Ảnh chụp lại", "attachments": [ { "attachmentId": "giay-chung-sinh", "fileName": "a.pdf", "contentType": "application/pdf", "contentBase64": "!!!" } ] }"""));

        var errors = await FieldErrorsAsync(response);
        Assert.Equal("Nội dung tệp (contentBase64) không phải chuỗi base64 hợp lệ.", errors["/$attachments/giay-chung-sinh"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_file_for_a_document_the_procedure_does_not_have_says_so_rather_than_blaming_its_type()
    {
        var citizen = await server.NewCitizenAsync();

        var response = await citizen.PostAsync(
            "/api/v1/dossiers",
            Json($$"""{ "procedureCode": "HN-TP-001", "data": {}, "attachments": [ { "attachmentId": "giay-khong-co", "fileName": "a.pdf", "contentType": "application/pdf", "contentBase64": "{{Submissions.PdfBase64}}" } ] }"""));

        var errors = await FieldErrorsAsync(response);
        Assert.Equal("Thủ tục này không có loại giấy tờ \"giay-khong-co\".", errors["/$attachments/giay-khong-co"]![0]!.GetValue<string>());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonObject> FieldErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.EndsWith("/validation", problem["type"]!.GetValue<string>());
        return problem["errors"]!.AsObject();
    }
}
