using Dvc.Engine.Core.Templates;
using Dvc.Engine.Core.Tests.Fixtures;

namespace Dvc.Engine.Core.Tests.Templates;

public sealed class TemplateCompilerTests : IDisposable
{
    private const string Receipt = FixtureCatalog.ProcedureFolder + "/templates/receipt.sbn";
    private readonly FixtureCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Theory]
    [InlineData("Số tiền: {{ vnd dossier.fee }}", "Số tiền: {{ if }}", TemplateDiagnostics.SyntaxError)]
    [InlineData("Số tiền: {{ vnd dossier.fee }}", "Số tiền: {{ for x in data.copies }}", TemplateDiagnostics.SyntaxError)]
    [InlineData("Số tiền: {{ vnd dossier.fee }}", "Số tiền: {{ include 'header' }}", TemplateDiagnostics.IncludeNotAllowed)]
    [InlineData("Số tiền: {{ vnd dossier.fee }}", "Số tiền: {{ data.applicant.fulName }}", TemplateDiagnostics.UnknownField)]
    [InlineData("Số tiền: {{ vnd dossier.fee }}", "Số tiền: {{ data.fee }}", TemplateDiagnostics.UnknownField)]
    [InlineData("Số tiền: {{ vnd dossier.fee }}", "Số tiền: {{ date.now }}", TemplateDiagnostics.FunctionNotAllowed)]
    [InlineData("Số tiền: {{ vnd dossier.fee }}", "Số tiền: {{ object.eval_template '{{1}}' }}", TemplateDiagnostics.FunctionNotAllowed)]
    [InlineData("Số tiền: {{ vnd dossier.fee }}", "Số tiền: {{ regex.match data.applicant.fullName '(a+)+$' }}", TemplateDiagnostics.FunctionNotAllowed)]
    public void Each_template_defect_gives_its_diagnostic_with_line_and_column(string find, string replace, string code)
    {
        _catalog.Replace("templates/receipt.sbn", find, replace);

        var compilation = _catalog.Compile();

        var error = DiagnosticAssert.SingleError(compilation, code, Receipt, string.Empty, 4);
        Assert.True(error.Column >= 1);
        Assert.Null(compilation.Procedure);
    }

    [Fact]
    public void Loop_variables_and_dossier_fields_are_not_checked_against_the_form()
    {
        _catalog.Write(Receipt, "{{ for c in data.applicant }}{{ c.anything }}{{ end }}{{ dossier.decision.comment }}{{ data.applicant.fullName.size }}");

        var compilation = _catalog.Compile();

        Assert.Empty(compilation.Diagnostics);
    }
}
