using Bunit;
using Dvc.Designer.Forms;
using Dvc.Designer.Tests.Infrastructure;

namespace Dvc.Designer.Tests.Forms;

/// <summary>The form builder component: its operations reach the draft as the same form.schema.json, and are saved.</summary>
public sealed class FormBuilderTests
{
    [Fact]
    public async Task Dropping_a_row_on_another_moves_the_field_there_and_saves()
    {
        await using var context = new DesignerContext();
        var state = await context.OpenAsync("HN-KHDT-001");
        var builder = context.RenderWithPopovers<FormBuilder>(p => p.Add(f => f.State, state));
        var before = state.Form!.Tree().Select(f => f.Name).ToList();

        builder.Find($".field-row[data-path='{before[^1]}']").DragStart();
        builder.Find($".field-row[data-path='{before[0]}']").Drop();

        Assert.Equal(before[^1], state.Form!.Tree()[0].Name);
        Assert.Equal(1, context.Designer.Saves);
    }

    [Fact]
    public async Task The_up_button_swaps_a_field_with_the_one_before_it()
    {
        await using var context = new DesignerContext();
        var state = await context.OpenAsync("HN-TP-003");
        var builder = context.RenderWithPopovers<FormBuilder>(p => p.Add(f => f.State, state));
        var names = state.Form!.Tree().Select(f => f.Name).ToList();

        builder.Find($".field-row[data-path='{names[1]}'] button[aria-label='Lên']").Click();

        Assert.Equal([names[1], names[0]], state.Form!.Tree().Take(2).Select(f => f.Name));
    }

    [Fact]
    public async Task Selecting_a_field_shows_its_properties_and_removing_it_takes_it_out_of_the_form()
    {
        await using var context = new DesignerContext();
        var state = await context.OpenAsync("HN-TP-002");
        var builder = context.RenderWithPopovers<FormBuilder>(p => p.Add(f => f.State, state));

        builder.Find(".field-row[data-path='marriagePlace'] .row-main").Click();
        builder.Find("#remove-field").Click();

        Assert.Null(state.Form!.Find("marriagePlace"));
        Assert.DoesNotContain("marriagePlace", context.Designer.Get("HN-TP-002").Files["form.schema.json"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fragment_shows_its_sub_fields_only_while_selected()
    {
        await using var context = new DesignerContext();
        var state = await context.OpenAsync("HN-TP-002");
        var builder = context.RenderWithPopovers<FormBuilder>(p => p.Add(f => f.State, state));
        Assert.Empty(builder.FindAll(".field-row[data-path='applicant/fullName']"));

        builder.Find(".field-row[data-path='applicant'] .row-main").Click();

        Assert.Single(builder.FindAll(".field-row[data-path='applicant/fullName']"));
    }

    [Fact]
    public async Task Options_typed_in_the_options_editor_become_the_enum_and_its_labels()
    {
        await using var context = new DesignerContext();
        var state = await context.OpenAsync("HN-TP-002");
        var builder = context.RenderWithPopovers<FormBuilder>(p => p.Add(f => f.State, state));
        builder.Find(".field-row[data-path='maritalStatus'] .row-main").Click();

        builder.Find("#add-option").Click();

        Assert.Equal(5, state.Form!.Options("maritalStatus").Count);
        Assert.Contains("\"lua-chon-5\"", context.Designer.Get("HN-TP-002").Files["form.schema.json"], StringComparison.Ordinal);
    }
}
