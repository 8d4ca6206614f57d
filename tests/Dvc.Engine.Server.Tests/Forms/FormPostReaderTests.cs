using System.Text.Json.Nodes;
using Dvc.Engine.Server.Forms;
using Dvc.Engine.Server.Localization;

namespace Dvc.Engine.Server.Tests.Forms;

public sealed class FormPostReaderTests
{
    private static readonly JsonObject Schema = JsonNode.Parse("""
        {
          "type": "object",
          "properties": {
            "birthDate": { "type": "string", "format": "date", "x-ui": { "label": { "vi": "Ngày sinh" } } },
            "copies": { "type": "integer", "x-ui": { "label": { "vi": "Số bản" } } },
            "hasFather": { "type": "boolean", "x-ui": { "label": { "vi": "Có cha" } } },
            "fatherName": { "type": "string", "x-ui": { "label": { "vi": "Tên cha" }, "visibleWhen": { "field": "hasFather", "equals": true } } },
            "categories": { "type": "array", "items": { "type": "string", "enum": ["A1", "B2", "C"] },
              "x-ui": { "label": { "vi": "Hạng" }, "widget": "checkbox", "enumLabels": { "B2": { "vi": "B2 – Ô tô" } } } },
            "children": { "type": "array", "items": { "type": "object", "properties": {
                "name": { "type": "string", "x-ui": { "label": { "vi": "Tên" } } } } },
              "x-ui": { "label": { "vi": "Các con" } } }
          }
        }
        """)!.AsObject();

    private static FormPost Read(Dictionary<string, string> posted)
    {
        var layout = new FormSchemaReader(new NoUnits()).Read(Schema);
        return new FormPostReader(new PortalText()).Read(layout, posted);
    }

    [Theory]
    [InlineData("20/02/2026", "2026-02-20")]
    [InlineData("5/3/2026", "2026-03-05")]
    [InlineData("2026-02-20", "2026-02-20")]
    [InlineData("20-02-2026", "2026-02-20")]
    [InlineData("20.02.2026", "2026-02-20")]
    public void Dates_typed_day_first_become_iso_dates(string typed, string expected)
    {
        var post = Read(new() { ["/birthDate"] = typed });

        Assert.Equal(expected, post.Submission["birthDate"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/birthDate", "31/02/2026")]
    [InlineData("/copies", "hai")]
    public void A_value_that_cannot_be_converted_is_a_field_error_and_is_kept_for_display(string pointer, string typed)
    {
        var post = Read(new() { [pointer] = typed });

        Assert.Contains(pointer, post.ConversionErrors.Keys);
        Assert.Equal(typed, post.Raw[pointer]);
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("1.5")]
    [InlineData("12.34")]
    [InlineData("1.2.3")]
    public void A_decimal_typed_into_a_whole_number_field_is_an_error_not_a_number_ten_times_larger(string typed)
    {
        // Regression: separators were stripped blindly, so "1,5" months of practice became 15.
        var post = Read(new() { ["/copies"] = typed });

        Assert.Equal(["Phải là một số nguyên, ví dụ 3 hoặc 500.000."], post.ConversionErrors["/copies"]);
        Assert.False(post.Submission.ContainsKey("copies"));
    }

    [Theory]
    [InlineData("500.000.000", 500000000)]
    [InlineData("500,000,000", 500000000)]
    [InlineData("500 000", 500000)]
    [InlineData(" 15 ", 15)]
    public void Whole_numbers_accept_thousands_grouped_by_three(string typed, long expected)
    {
        var post = Read(new() { ["/copies"] = typed });

        Assert.Equal(expected, post.Submission["copies"]!.GetValue<long>());
    }

    [Fact]
    public void Numbers_accept_thousands_separators()
    {
        var post = Read(new() { ["/copies"] = "1.200" });

        Assert.Equal(1200, post.Submission["copies"]!.GetValue<long>());
    }

    [Fact]
    public void A_field_hidden_by_visible_when_is_dropped()
    {
        var post = Read(new() { ["/fatherName"] = "Lê Văn Hùng" });

        Assert.False(post.Submission["hasFather"]!.GetValue<bool>());
        Assert.False(post.Submission.ContainsKey("fatherName"));
    }

    [Fact]
    public void A_visible_field_is_kept()
    {
        var post = Read(new() { ["/hasFather"] = "true", ["/fatherName"] = "Lê Văn Hùng" });

        Assert.Equal("Lê Văn Hùng", post.Submission["fatherName"]!.GetValue<string>());
    }

    [Fact]
    public void Repeating_group_items_are_compacted_in_index_order()
    {
        var post = Read(new() { ["/children/7/name"] = "B", ["/children/2/name"] = "A", ["/children/5/name"] = "" });

        var names = post.Submission["children"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToArray();
        Assert.Equal(["A", "B"], names);
    }

    [Fact]
    public void A_multiple_choice_becomes_an_array_of_the_checked_values()
    {
        var layout = new FormSchemaReader(new NoUnits()).Read(Schema);

        var post = new FormPostReader(new PortalText()).Read(layout, new Dictionary<string, string[]> { ["/categories"] = ["A1", "B2"] });

        Assert.Equal(["A1", "B2"], post.Submission["categories"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("B2 – Ô tô", layout.AllFields.Single(f => f.Name == "categories").Options[1].Label.Vi);
    }

    private sealed class NoUnits : IAdministrativeUnits
    {
        public UnitOptions? Options(string file, string? version, string widget, string valueField) => null;
    }
}
