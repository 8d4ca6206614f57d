using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Forms;
using Dvc.Engine.Core.Tests.Fixtures;

namespace Dvc.Engine.Core.Tests.Forms;

public sealed class FormValidatorTests : IDisposable
{
    private readonly FixtureCatalog _catalog = new();
    private readonly CompiledProcedure _procedure;

    public FormValidatorTests() => _procedure = _catalog.CompileValid();

    public void Dispose() => _catalog.Dispose();

    private static JsonObject ValidSubmission() => JsonNode.Parse("""
        {
          "applicant": { "fullName": "Nguyễn Văn An", "birthDate": "1995-06-15", "citizenId": "001095012345", "phone": "0912345678", "email": "an@example.vn" },
          "permitType": "thuong",
          "copies": 2,
          "delivery": "counter"
        }
        """)!.AsObject();

    [Fact]
    public void A_complete_submission_is_valid()
    {
        var result = _procedure.ValidateSubmission(ValidSubmission());

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Theory]
    [InlineData("/applicant/citizenId", "\"12345\"", "citizenId")]
    [InlineData("/applicant/citizenId", "\"00109501234X\"", "citizenId")]
    [InlineData("/applicant/birthDate", "\"15/06/1995\"", "format")]
    [InlineData("/applicant/birthDate", "\"1995-02-30\"", "format")]
    [InlineData("/applicant/phone", "\"12345\"", "phone")]
    [InlineData("/applicant/email", "\"an-at-example\"", "format")]
    [InlineData("/applicant/fullName", "\"A\"", "minLength")]
    [InlineData("/applicant/fullName", "42", "type")]
    [InlineData("/applicant/fullName", "\"   \"", "required")]
    [InlineData("/permitType", "\"vip\"", "enum")]
    [InlineData("/copies", "0", "minimum")]
    [InlineData("/copies", "11", "maximum")]
    [InlineData("/copies", "2.5", "type")]
    [InlineData("/copies", "\"2\"", "type")]
    [InlineData("/applicant", "\"Nguyễn Văn An\"", "type")]
    public void A_wrong_value_gives_one_error_at_its_pointer_with_its_keyword(string pointer, string json, string keyword)
    {
        var data = ValidSubmission();
        Set(data, pointer, JsonNode.Parse(json));

        var result = _procedure.ValidateSubmission(data);

        var error = Assert.Single(result.Errors);
        Assert.Equal(pointer, error.Pointer);
        Assert.Equal(keyword, error.Keyword);
    }

    [Theory]
    [InlineData("/applicant/fullName")]
    [InlineData("/applicant/citizenId")]
    [InlineData("/copies")]
    [InlineData("/permitType")]
    public void A_missing_required_field_is_reported_as_required(string pointer)
    {
        var data = ValidSubmission();
        Remove(data, pointer);

        var result = _procedure.ValidateSubmission(data);

        var error = Assert.Single(result.Errors);
        Assert.Equal(pointer, error.Pointer);
        Assert.Equal("required", error.Keyword);
    }

    [Fact]
    public void Messages_come_in_vietnamese_and_english_with_the_field_label()
    {
        var data = ValidSubmission();
        Remove(data, "/applicant/citizenId");

        var result = _procedure.ValidateSubmission(data, "en");

        var error = Assert.Single(result.Errors);
        Assert.Equal("Vui lòng nhập Số định danh cá nhân.", error.Message.Vi);
        Assert.Equal("Citizen ID number is required.", error.Message.En);
        Assert.Equal(["Citizen ID number is required."], result.ToDictionary()["/applicant/citizenId"]);
        Assert.Equal("Vui lòng nhập Số định danh cá nhân.", _procedure.ValidateSubmission(data, "vi-VN").ToDictionary()["/applicant/citizenId"][0]);
    }

    [Fact]
    public void A_missing_choice_asks_to_choose_it_rather_than_to_enter_it()
    {
        var data = ValidSubmission();
        Remove(data, "/delivery");

        var error = Assert.Single(_procedure.ValidateSubmission(data).Errors);

        Assert.Equal("Vui lòng chọn Hình thức nhận kết quả.", error.Message.Vi);
        Assert.Equal("Result delivery is required.", error.Message.En);
    }

    [Fact]
    public void A_yes_no_statement_is_answered_and_its_full_stop_is_not_doubled()
    {
        var field = new FormField
        {
            Name = "commitment",
            DataPointer = "/commitment",
            SchemaPointer = "/properties/commitment",
            Type = FormFieldType.Boolean,
            Label = new LocalizedText("Tôi xin cam đoan những thông tin khai trên là đúng sự thật.", "I declare that the information above is true."),
        };

        var message = FieldMessages.For(field, "required");

        Assert.Equal("Vui lòng trả lời: Tôi xin cam đoan những thông tin khai trên là đúng sự thật.", message.Vi);
        Assert.Equal("Please answer: I declare that the information above is true.", message.En);
    }

    [Fact]
    public void Citizen_id_message_says_twelve_digits_in_both_languages()
    {
        var data = ValidSubmission();
        Set(data, "/applicant/citizenId", "0010950123");

        var error = Assert.Single(_procedure.ValidateSubmission(data).Errors);

        Assert.Contains("12 chữ số", error.Message.Vi, StringComparison.Ordinal);
        Assert.Contains("12 digits", error.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hidden_field_is_neither_required_nor_validated()
    {
        var data = ValidSubmission();
        data["postalAddress"] = "x";

        var result = _procedure.ValidateSubmission(data);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public void A_field_shown_by_visible_when_becomes_required()
    {
        var data = ValidSubmission();
        data["delivery"] = "post";

        var error = Assert.Single(_procedure.ValidateSubmission(data).Errors);

        Assert.Equal("/postalAddress", error.Pointer);
        Assert.Equal("required", error.Keyword);
    }

    [Fact]
    public void A_custom_message_from_x_ui_errors_replaces_the_default()
    {
        var data = ValidSubmission();
        data["delivery"] = "post";
        data["postalAddress"] = "HN";

        var error = Assert.Single(_procedure.ValidateSubmission(data).Errors);

        Assert.Equal("minLength", error.Keyword);
        Assert.Equal("Địa chỉ quá ngắn, vui lòng ghi rõ số nhà, phường/xã.", error.Message.Vi);
        Assert.Equal("The address is too short; give the house number and ward.", error.Message.En);
    }

    [Fact]
    public void Several_errors_are_all_reported()
    {
        var data = ValidSubmission();
        Set(data, "/applicant/citizenId", "1");
        Set(data, "/copies", 99);
        Remove(data, "/permitType");

        var pointers = _procedure.ValidateSubmission(data).Errors.Select(e => e.Pointer).Order(StringComparer.Ordinal);

        Assert.Equal(["/applicant/citizenId", "/copies", "/permitType"], pointers);
    }

    [Fact]
    public void Repeated_groups_are_validated_item_by_item()
    {
        using var catalog = new FixtureCatalog();
        catalog.Replace("form.schema.json", "\"properties\": {\n    \"applicant\"", """
            "properties": {
                "witnesses": { "type": "array", "maxItems": 2,
                  "x-ui": { "label": { "vi": "Người làm chứng", "en": "Witnesses" }, "widget": "repeat" },
                  "items": { "type": "object", "required": ["fullName"],
                    "properties": { "fullName": { "type": "string", "x-ui": { "label": { "vi": "Họ và tên", "en": "Full name" } } } } } },
                "tags": { "type": "array", "items": { "type": "string", "enum": ["a", "b"] }, "x-ui": { "label": { "vi": "Nhãn", "en": "Tags" } } },
                "applicant"
            """);
        var procedure = catalog.CompileValid();
        var data = ValidSubmission();
        data["witnesses"] = JsonNode.Parse("""[ {}, { "fullName": "Trần Văn Bình" }, { "fullName": "Lê Thị Cúc" } ]""");
        data["tags"] = JsonNode.Parse("""[ "a", "c", 3 ]""");

        var errors = procedure.ValidateSubmission(data).Errors;

        Assert.Equal(
            ["/tags/1 enum", "/tags/2 type", "/witnesses maxItems", "/witnesses/0/fullName required"],
            errors.Select(e => $"{e.Pointer} {e.Keyword}").Order(StringComparer.Ordinal));
        Assert.Equal("Nhãn phải là một trong các giá trị cho phép.", errors.Single(e => e.Pointer == "/tags/1").Message.Vi);
    }

    [Fact]
    public void Values_built_in_code_validate_like_parsed_ones()
    {
        var data = new JsonObject
        {
            ["applicant"] = new JsonObject { ["fullName"] = "Nguyễn Văn An", ["birthDate"] = "1995-06-15", ["citizenId"] = "001095012345" },
            ["permitType"] = "khan",
            ["copies"] = 3,
            ["delivery"] = "counter",
        };

        Assert.True(_procedure.ValidateSubmission(data).IsValid);
    }

    private static void Set(JsonObject data, string pointer, JsonNode? value)
    {
        var parent = JsonPointer.Parent(pointer);
        JsonPointer.TryNavigate(data, parent, out var container);
        container!.AsObject()[JsonPointer.Parse(pointer)![^1]] = value;
    }

    private static void Remove(JsonObject data, string pointer)
    {
        JsonPointer.TryNavigate(data, JsonPointer.Parent(pointer), out var container);
        container!.AsObject().Remove(JsonPointer.Parse(pointer)![^1]);
    }
}
