using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Forms;
using Dvc.Engine.Core.Tests.Fixtures;

namespace Dvc.Engine.Core.Tests.Forms;

/// <summary>
/// Issue 13 §4: mistakes people make are field errors declared in the form (<c>x-validate</c>), not only eligibility:
/// a document issued in 2099 or after it expires, a licence before its holder's birth, shares that do not total 100.
/// </summary>
public sealed class PlausibilityTests : IDisposable
{
    private static readonly DateOnly SubmittedOn = new(2026, 3, 2);
    private readonly FixtureCatalog _catalog = new();

    public PlausibilityTests() => _catalog.Replace("form.schema.json", "\"properties\": {\n    \"applicant\"", """
        "properties": {
            "licence": { "type": "object", "x-ui": { "label": { "vi": "Giấy phép lái xe", "en": "Driving licence" } },
              "properties": {
                "issuedOn": { "type": "string", "format": "date",
                  "x-validate": { "notAfter": "$submittedOn", "before": "expiryDate", "after": "/applicant/birthDate" },
                  "x-ui": { "label": { "vi": "Ngày cấp", "en": "Issue date" } } },
                "expiryDate": { "type": "string", "format": "date", "x-ui": { "label": { "vi": "Ngày hết hạn", "en": "Expiry date" } } } } },
            "owners": { "type": "array", "x-validate": { "sum": { "of": "share", "equals": 100 } },
              "x-ui": { "label": { "vi": "Thành viên góp vốn", "en": "Owners" }, "widget": "repeat" },
              "items": { "type": "object", "properties": {
                "name": { "type": "string", "x-ui": { "label": { "vi": "Họ tên", "en": "Name" } } },
                "share": { "type": "number", "x-ui": { "label": { "vi": "Tỷ lệ góp vốn", "en": "Share" } } } } } },
            "applicant"
        """);

    public void Dispose() => _catalog.Dispose();

    private static JsonObject Submission(string issuedOn, string expiryDate = "2030-01-01", params decimal[] shares)
    {
        var data = JsonNode.Parse("""
            { "applicant": { "fullName": "Nguyễn Văn An", "birthDate": "1995-06-15", "citizenId": "001095012345", "phone": "0912345678", "email": "an@example.vn" },
              "permitType": "thuong", "copies": 2, "delivery": "counter" }
            """)!.AsObject();
        data["licence"] = new JsonObject { ["issuedOn"] = issuedOn, ["expiryDate"] = expiryDate };
        data["owners"] = new JsonArray([.. shares.Select((s, i) => (JsonNode)new JsonObject { ["name"] = $"Người {i + 1}", ["share"] = s })]);
        return data;
    }

    [Theory]
    [InlineData("2099-01-01", "2100-01-01", "notAfter")]
    [InlineData("2024-05-01", "2023-05-01", "before")]
    [InlineData("1990-01-01", "2030-01-01", "after")]
    public void An_implausible_date_is_an_error_at_the_field(string issuedOn, string expiryDate, string keyword)
    {
        var procedure = _catalog.CompileValid();

        var errors = procedure.ValidateSubmission(Submission(issuedOn, expiryDate, 100), "vi", SubmittedOn).Errors;

        var error = Assert.Single(errors);
        Assert.Equal(("/licence/issuedOn", keyword), (error.Pointer, error.Keyword));
    }

    [Fact]
    public void The_message_names_the_other_date_and_its_value()
    {
        var procedure = _catalog.CompileValid();

        var error = Assert.Single(procedure.ValidateSubmission(Submission("2099-01-01", "2100-01-01", 100), "vi", SubmittedOn).Errors);

        Assert.Equal("Ngày cấp không được sau ngày nộp hồ sơ (02/03/2026).", error.Message.Vi);
        Assert.Equal("Issue date must not be after the submission date (02/03/2026).", error.Message.En);
    }

    [Fact]
    public void Shares_that_do_not_total_100_are_an_error_at_the_group()
    {
        var procedure = _catalog.CompileValid();

        var error = Assert.Single(procedure.ValidateSubmission(Submission("2020-01-01", "2030-01-01", 60, 30), "vi", SubmittedOn).Errors);

        Assert.Equal(("/owners", "sum"), (error.Pointer, error.Keyword));
        Assert.Equal("Tổng tỷ lệ góp vốn của Thành viên góp vốn phải bằng 100 (hiện là 90).", error.Message.Vi);
    }

    [Fact]
    public void A_plausible_submission_passes_and_without_a_day_the_submission_date_is_not_checked()
    {
        var procedure = _catalog.CompileValid();

        Assert.True(procedure.ValidateSubmission(Submission("2020-01-01", "2030-01-01", 60, 40), "vi", SubmittedOn).IsValid);
        Assert.True(procedure.ValidateSubmission(Submission("2099-01-01", "2100-01-01", 100)).IsValid);
    }

    [Theory]
    [InlineData("\"x-validate\": { \"notAfter\": \"$submittedOn\", \"before\": \"expiryDate\", \"after\": \"/applicant/birthDate\" }", "\"x-validate\": { \"before\": \"khongCo\" }")]
    [InlineData("\"x-validate\": { \"sum\": { \"of\": \"share\", \"equals\": 100 } }", "\"x-validate\": { \"sum\": { \"of\": \"name\", \"equals\": 100 } }")]
    [InlineData("\"x-validate\": { \"sum\": { \"of\": \"share\", \"equals\": 100 } }", "\"x-validate\": { \"average\": 3 }")]
    public void A_check_naming_nothing_it_can_compare_is_a_form_error(string find, string replacement)
    {
        _catalog.Replace("form.schema.json", find, replacement);

        var compilation = _catalog.Compile();

        Assert.Contains(compilation.Diagnostics, d => d.Code == FormDiagnostics.CheckInvalid && d.IsError);
    }
}
