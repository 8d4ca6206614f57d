using Bunit;
using Dvc.Designer.Editor;
using Dvc.Designer.Problems;
using Dvc.Designer.Tests.Infrastructure;
using Dvc.Engine.Core.Definitions;

namespace Dvc.Designer.Tests.Problems;

public sealed class ProblemsPanelTests
{
    [Fact]
    public async Task Clicking_a_field_problem_opens_the_form_with_that_field_and_property_selected()
    {
        await using var context = new DesignerContext();
        context.Designer.Diagnostics.Add(new Diagnostic("DVC-FORM-004", DiagnosticSeverity.Error, "The field needs a label.", "procedures/HN-TP-002/form.schema.json", "/properties/intendedSpouse/properties/fullName/x-ui/label", 12, 5));
        var state = await context.OpenAsync("HN-TP-002");
        state.Tab = EditorTab.Fees;
        var panel = context.Render<ProblemsPanel>(p => p.Add(c => c.State, state));

        panel.Find(".problem[data-code='DVC-FORM-004'] .problem-link").Click();

        Assert.Equal(EditorTab.Form, state.Tab);
        Assert.Equal("intendedSpouse/fullName", state.SelectedField);
        Assert.Equal("x-ui/label", state.FocusProperty);
        Assert.Contains("Họ, chữ đệm và tên", panel.Find(".problem").TextContent, StringComparison.Ordinal);
        Assert.Contains("Nhập nhãn tiếng Việt", panel.Find(".problem .fix").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clicking_a_rule_problem_opens_the_rule_in_its_tab()
    {
        await using var context = new DesignerContext();
        context.Designer.Diagnostics.Add(new Diagnostic("DVC-RULE-002", DiagnosticSeverity.Error, "unknown field", "procedures/HN-TP-002/rules.json", "/0/Rules/1/Expression", 20, 3));
        context.Designer.Diagnostics.Add(new Diagnostic("DVC-RULE-006", DiagnosticSeverity.Error, "not a number", "procedures/HN-TP-002/rules.json", "/1/Rules/0/Properties/amount", 40, 3));
        var state = await context.OpenAsync("HN-TP-002");
        var panel = context.Render<ProblemsPanel>(p => p.Add(c => c.State, state));

        panel.Find(".problem[data-code='DVC-RULE-002'] .problem-link").Click();
        Assert.Equal(EditorTab.Rules, state.Tab);
        Assert.Equal(("eligibility", "du-tuoi-ket-hon"), state.SelectedRule);
        Assert.Equal("Expression", state.FocusProperty);

        panel.Find(".problem[data-code='DVC-RULE-006'] .problem-link").Click();
        Assert.Equal(EditorTab.Fees, state.Tab);
        Assert.Equal(("fees", "le-phi-xac-nhan-tinh-trang-hon-nhan"), state.SelectedRule);
    }

    [Fact]
    public async Task A_template_problem_opens_the_text_view_at_its_line()
    {
        await using var context = new DesignerContext();
        context.Designer.Diagnostics.Add(new Diagnostic("DVC-TPL-003", DiagnosticSeverity.Error, "unknown field", "procedures/HN-TP-002/templates/result.sbn", "", 7, 12));
        var state = await context.OpenAsync("HN-TP-002");
        var panel = context.Render<ProblemsPanel>(p => p.Add(c => c.State, state));

        panel.Find(".problem-link").Click();

        Assert.Equal(EditorTab.Text, state.Tab);
        Assert.Equal("templates/result.sbn", state.SelectedFile);
        Assert.Equal(7, state.SelectedLine);
    }

    [Fact]
    public async Task Problems_speak_english_when_the_admin_does()
    {
        await using var context = new DesignerContext();
        context.Session.Text.English = true;
        context.Designer.Diagnostics.Add(new Diagnostic("DVC-RULE-005", DiagnosticSeverity.Error, "needs a reason", "procedures/HN-TP-002/rules.json", "/0/Rules/0/Properties", 5, 3));
        var state = await context.OpenAsync("HN-TP-002");

        var panel = context.Render<ProblemsPanel>(p => p.Add(c => c.State, state));

        Assert.Contains("has no reason", panel.Find(".problem .text").TextContent, StringComparison.Ordinal);
        Assert.Contains("Type the reason", panel.Find(".problem .fix").TextContent, StringComparison.Ordinal);
    }
}
