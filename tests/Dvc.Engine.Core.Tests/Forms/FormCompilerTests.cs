using Dvc.Engine.Core.Forms;
using Dvc.Engine.Core.Tests.Fixtures;

namespace Dvc.Engine.Core.Tests.Forms;

public sealed class FormCompilerTests : IDisposable
{
    private const string Form = FixtureCatalog.ProcedureFolder + "/form.schema.json";
    private readonly FixtureCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Theory]
    [InlineData("\"label\": { \"vi\": \"Số bản\", \"en\": \"Number of copies\" }, ", "", FormDiagnostics.MissingLabel, "/properties/copies", "\"copies\": {")]
    [InlineData("\"visibleWhen\": { \"field\": \"delivery\", \"equals\": \"post\" }", "\"visibleWhen\": { \"field\": \"deliveryMode\", \"equals\": \"post\" }", FormDiagnostics.VisibleWhenInvalid, "/properties/postalAddress/x-ui/visibleWhen/field", "\"visibleWhen\"")]
    [InlineData("\"visibleWhen\": { \"field\": \"delivery\", \"equals\": \"post\" }", "\"visibleWhen\": { \"field\": \"/applicant/deliver\", \"in\": [\"post\"] }", FormDiagnostics.VisibleWhenInvalid, "/properties/postalAddress/x-ui/visibleWhen/field", "\"visibleWhen\"")]
    [InlineData("\"visibleWhen\": { \"field\": \"delivery\", \"equals\": \"post\" }", "\"visibleWhen\": { \"when\": \"delivery\" }", FormDiagnostics.VisibleWhenInvalid, "/properties/postalAddress/x-ui/visibleWhen", "\"visibleWhen\"")]
    [InlineData("\"type\": \"integer\", \"minimum\": 1,", "\"type\": \"integer\", \"pattern\": \"([a-z\", \"minimum\": 1,", FormDiagnostics.InvalidPattern, "/properties/copies/pattern", "\"pattern\"")]
    [InlineData("\"type\": \"integer\", \"minimum\": 1,", "\"type\": \"int\", \"minimum\": 1,", FormDiagnostics.UnknownType, "/properties/copies", "\"copies\": {")]
    [InlineData("\"copies\", \"delivery\", \"postalAddress\"],", "\"copies\", \"delivery\", \"postalAddres\"],", FormDiagnostics.RequiredUnknown, "/required/4", "\"required\": [\"applicant\"")]
    [InlineData("\"fields\": [\"permitType\", \"copies\"", "\"fields\": [\"permitKind\", \"copies\"", FormDiagnostics.SectionFieldUnknown, "/x-ui/sections/1/fields/0", "\"fields\": [\"permitKind\"")]
    public void Each_form_defect_gives_its_diagnostic_at_its_place(string find, string replace, string code, string pointer, string lineText)
    {
        _catalog.Replace("form.schema.json", find, replace);

        var compilation = _catalog.Compile();

        var error = DiagnosticAssert.SingleError(compilation, code, Form, pointer, _catalog.LineOf(Form, lineText));
        Assert.True(error.Column > 0);
    }

    [Fact]
    public void A_field_prefilled_from_the_national_identity_keeps_its_claim_and_value_map()
    {
        const string Label = "\"label\": { \"vi\": \"Họ và tên\", \"en\": \"Full name\" }";
        _catalog.Replace("../../shared/applicant.schema.json", Label, Label + ", \"prefill\": { \"claim\": \"gender\", \"values\": { \"male\": \"nam\" } }");

        var compilation = _catalog.Compile();

        var prefill = compilation.Procedure!.Form.Find("/applicant/fullName")!.Prefill!;
        Assert.Equal("gender", prefill.Claim);
        Assert.Equal(("nam", (string?)null), (prefill.ValueFor("male"), prefill.ValueFor("other")));
        Assert.Null(compilation.Procedure.Form.Find("/applicant/birthDate")!.Prefill);
    }

    [Theory]
    [InlineData("\"nationality\"")]
    [InlineData("{ \"values\": { \"male\": \"nam\" } }")]
    [InlineData("42")]
    public void A_prefill_that_names_no_identity_claim_is_an_error_at_its_place(string prefill)
    {
        const string Label = "\"label\": { \"vi\": \"Họ và tên\", \"en\": \"Full name\" }";
        _catalog.Replace("../../shared/applicant.schema.json", Label, Label + ", \"prefill\": " + prefill);

        var compilation = _catalog.Compile();

        DiagnosticAssert.SingleError(compilation, FormDiagnostics.PrefillInvalid, "shared/applicant.schema.json", "/definitions/applicant/properties/fullName/x-ui/prefill", _catalog.LineOf("shared/applicant.schema.json", "\"prefill\""));
    }

    [Fact]
    public void A_missing_label_inside_a_shared_fragment_is_reported_in_the_fragment()
    {
        _catalog.Replace("../../shared/applicant.schema.json", "\"label\": { \"vi\": \"Số điện thoại\", \"en\": \"Phone number\" }, ", string.Empty);

        var compilation = _catalog.Compile();

        DiagnosticAssert.SingleError(compilation, FormDiagnostics.MissingLabel, "shared/applicant.schema.json", "/definitions/applicant/properties/phone", _catalog.LineOf("shared/applicant.schema.json", "\"phone\": {"));
    }

    [Fact]
    public void A_form_that_is_not_an_object_schema_is_refused()
    {
        _catalog.Write(Form, "{ \"type\": \"array\", \"items\": {} }");

        var compilation = _catalog.Compile();

        DiagnosticAssert.SingleError(compilation, FormDiagnostics.RootNotObject, Form, string.Empty, 1);
    }

    [Fact]
    public void An_internal_ref_to_a_missing_definition_is_an_error()
    {
        _catalog.Replace("form.schema.json", "\"type\": \"integer\", \"minimum\": 1, \"maximum\": 10,", "\"$ref\": \"#/definitions/nothing\",");

        var compilation = _catalog.Compile();

        Assert.Contains(compilation.Diagnostics, d => d.Code is FormDiagnostics.SchemaUnreadable or FormDiagnostics.InternalRefInvalid);
        Assert.Null(compilation.Procedure);
    }

    [Fact]
    public void Internal_refs_to_definitions_are_followed()
    {
        _catalog.Replace("form.schema.json", "\"type\": \"integer\", \"minimum\": 1, \"maximum\": 10,", "\"$ref\": \"#/definitions/count\",");
        _catalog.Replace("form.schema.json", "\"properties\": {\n    \"applicant\"", "\"definitions\": { \"count\": { \"type\": \"integer\", \"minimum\": 1, \"maximum\": 10 } },\n  \"properties\": {\n    \"applicant\"");

        var procedure = _catalog.CompileValid();

        var copies = procedure.Form.Find("/copies")!;
        Assert.Equal(FormFieldType.Integer, copies.Type);
        Assert.Equal(10, copies.Maximum);
        Assert.Equal("Số bản", copies.Label.Vi);
    }

    [Fact]
    public void An_unknown_widget_is_a_warning_and_the_procedure_is_still_served()
    {
        _catalog.Replace("form.schema.json", "\"widget\": \"radio\"", "\"widget\": \"slider\"");

        var compilation = _catalog.Compile();

        var warning = Assert.Single(compilation.Diagnostics);
        Assert.Equal(FormDiagnostics.UnknownWidget, warning.Code);
        Assert.False(warning.IsError);
        Assert.NotNull(compilation.Procedure);
    }

    [Fact]
    public void Fields_keep_their_ui_hints_in_order()
    {
        var procedure = _catalog.CompileValid();

        Assert.Equal(["applicant", "permitType", "copies", "delivery", "postalAddress"], procedure.Form.Root.Properties.Select(p => p.Name));
        var permitType = procedure.Form.Find("/permitType")!;
        Assert.Equal("radio", permitType.Widget);
        Assert.Equal("Cấp gấp", permitType.EnumLabels["khan"].Vi);
        Assert.Equal("Urgent", permitType.EnumLabels["khan"].En);
        Assert.Equal(2, procedure.Form.Sections.Count);
        Assert.Equal("delivery", procedure.Form.Find("/postalAddress")!.VisibleWhen!.Field);
    }
}
