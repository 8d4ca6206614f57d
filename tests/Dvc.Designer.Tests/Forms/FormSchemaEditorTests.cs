using System.Text.Json.Nodes;
using Dvc.Designer.Forms;
using Dvc.Designer.Tests.Infrastructure;

namespace Dvc.Designer.Tests.Forms;

public sealed class FormSchemaEditorTests
{
    private static FormSchemaEditor Empty() =>
        new(new JsonObject { ["type"] = "object", ["required"] = new JsonArray(), ["properties"] = new JsonObject() }, Definitions.Shared.Fragments);

    [Fact]
    public void Adding_a_field_names_it_from_its_label_marks_it_required_and_orders_it_last()
    {
        var form = Empty();

        var first = form.Add("", FieldKind.Text, "Họ và tên", "Full name");
        var second = form.Add("", FieldKind.Date, "Ngày sinh", "Date of birth");

        Assert.Equal(["hoVaTen", "ngaySinh"], form.Tree().Select(f => f.Path));
        Assert.Equal("hoVaTen", first);
        Assert.True(form.IsRequired(second));
        Assert.Equal("date", form.Schema["properties"]!["ngaySinh"]!["format"]!.GetValue<string>());
    }

    [Fact]
    public void A_second_field_with_the_same_label_gets_a_distinct_name()
    {
        var form = Empty();

        form.Add("", FieldKind.Text, "Ghi chú", "Note");
        var again = form.Add("", FieldKind.Text, "Ghi chú", "Note");

        Assert.Equal("ghiChu2", again);
    }

    [Fact]
    public void Reordering_rewrites_the_orders_the_portal_sorts_by()
    {
        var form = Empty();
        form.Add("", FieldKind.Text, "A", "A");
        form.Add("", FieldKind.Text, "B", "B");
        form.Add("", FieldKind.Text, "C", "C");

        form.Move("c", "", 0);

        Assert.Equal(["c", "a", "b"], form.Tree().Select(f => f.Name));
        Assert.Equal(1, Dvc.Designer.Drafts.JsonNumber.Read(form.Schema["properties"]!["c"]!["x-ui"]!["order"]));
    }

    [Fact]
    public void Moving_a_field_into_a_repeating_group_keeps_its_required_mark_there()
    {
        var form = Empty();
        form.Add("", FieldKind.Repeat, "Con chung", "Children");
        form.Add("", FieldKind.Text, "Họ tên con", "Name");

        var moved = form.Move("hoTenCon", "conChung", 0);

        Assert.Equal("conChung/*/hoTenCon", moved);
        Assert.Equal(["conChung"], form.Tree().Select(f => f.Path));
        Assert.True(form.IsRequired(moved));
        Assert.Equal("hoTenCon", form.Schema["properties"]!["conChung"]!["items"]!["required"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Removing_a_field_drops_its_required_mark_and_its_place_in_a_section()
    {
        var form = Empty();
        form.Add("", FieldKind.Text, "A", "A");
        form.AddSection("Phần một", "Part one");

        form.Remove("a");

        Assert.Empty(form.Tree());
        Assert.Empty(form.Schema["required"]!.AsArray());
        Assert.Empty(form.Sections()[0].Fields);
    }

    [Fact]
    public void Options_get_values_from_their_vietnamese_labels_and_keep_both_languages()
    {
        var form = Empty();
        var path = form.Add("", FieldKind.Radio, "Giới tính", "Sex");

        form.SetOptions(path, [("", "Nam", "Male"), ("", "Nữ", "Female")]);

        Assert.Equal(["nam", "nu"], form.Options(path).Select(o => o.Value));
        Assert.Equal("Female", form.Options(path)[1].En);
    }

    [Fact]
    public void A_field_shown_only_for_some_values_writes_visible_when_in()
    {
        var form = Empty();
        form.Add("", FieldKind.Select, "Mục đích", "Purpose");
        var other = form.Add("", FieldKind.Text, "Mục đích khác", "Other purpose");

        form.SetVisibleWhen(other, "mucDich", [JsonValue.Create("a"), JsonValue.Create("b")]);

        Assert.Equal("""{"field":"mucDich","in":["a","b"]}""", form.Schema["properties"]!["mucDichKhac"]!["x-ui"]!["visibleWhen"]!.ToJsonString());
        Assert.True(form.Find(other)!.Conditional);
    }

    [Fact]
    public void A_shared_fragment_is_listed_with_its_fields_and_overridden_per_use()
    {
        var form = Empty();
        var applicant = form.Add("", FieldKind.Applicant, "Người yêu cầu", "Requester");

        form.SetFragmentFieldHidden(applicant, "email", true);
        form.SetFragmentFieldRequired(applicant, "phone", false);
        form.SetFragmentFieldLabel(applicant, "fullName", "Họ tên người yêu cầu", "Requester's name");

        var node = form.Find(applicant)!;
        Assert.True(node.Children.Single(c => c.Name == "email").Hidden);
        Assert.False(node.Children.Single(c => c.Name == "phone").Required);
        Assert.Equal("Họ tên người yêu cầu", node.Children.Single(c => c.Name == "fullName").LabelVi);
        var usage = form.Schema["properties"]!["nguoiYeuCau"]!;
        Assert.Null(usage["properties"]!["email"]);
        Assert.True(usage["properties"]!.AsObject().ContainsKey("email"));
        Assert.DoesNotContain("phone", usage["required"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void Showing_a_hidden_fragment_field_again_removes_the_override()
    {
        var form = Empty();
        var applicant = form.Add("", FieldKind.Applicant, "Người nộp", "Applicant");
        form.SetFragmentFieldHidden(applicant, "email", true);

        form.SetFragmentFieldHidden(applicant, "email", false);

        Assert.Null(form.Schema["properties"]!["nguoiNop"]!["properties"]);
    }

    [Theory]
    [InlineData("HN-TP-002")]
    [InlineData("HN-KHDT-001")]
    public void The_shipped_forms_are_listed_with_the_kinds_their_widgets_say(string code)
    {
        var schema = (JsonObject)JsonNode.Parse(Definitions.Procedure(code)["form.schema.json"])!;
        var form = new FormSchemaEditor(schema, Definitions.Shared.Fragments, $"procedures/{code}/form.schema.json");

        var all = form.All();

        Assert.NotEmpty(all);
        Assert.DoesNotContain(all, f => f.Kind == FieldKind.Other && !f.Hidden);
    }
}
