using System.Text.Json.Nodes;
using Dvc.Engine.Core.Agencies;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Tests.Fixtures;

namespace Dvc.Engine.Core.Tests.Agencies;

/// <summary>
/// A procedure chooses its handling agency from the unit picked in a form field, and a human task may go to another
/// agency: the fixture catalog gets a unit file with three communes, their People's Committees and the police.
/// </summary>
public sealed class JurisdictionTests : IDisposable
{
    private readonly FixtureCatalog _catalog = new();

    public JurisdictionTests()
    {
        _catalog.Write("shared/units.json", """
            { "versions": [ { "id": "v2025", "levels": ["commune"], "units": [
                { "id": "ba-dinh", "type": "phuong", "name": "Ba Đình", "fullName": "Phường Ba Đình" },
                { "id": "kim-lien", "type": "phuong", "name": "Kim Liên", "fullName": "Phường Kim Liên" },
                { "id": "soc-son", "type": "xa", "name": "Sóc Sơn", "fullName": "Xã Sóc Sơn" } ] } ] }
            """);
        _catalog.Write("shared/agencies.json", """
            { "units": "shared/units.json", "agencies": {
                "SO-GTVT": { "code": "SO-GTVT", "name": { "vi": "Sở Giao thông vận tải" } },
                "CA": { "code": "CA", "name": { "vi": "Công an thành phố" } },
                "UBND-XA": { "code": "UBND-XA", "name": { "vi": "Ủy ban nhân dân phường, xã" }, "group": true },
                "P-BA-DINH": { "code": "P-BA-DINH", "name": { "vi": "Ủy ban nhân dân phường Ba Đình" }, "parent": "UBND-XA", "unit": { "version": "v2025", "id": "ba-dinh" } },
                "P-KIM-LIEN": { "code": "P-KIM-LIEN", "name": { "vi": "Ủy ban nhân dân phường Kim Liên" }, "parent": "UBND-XA", "unit": { "version": "v2025", "id": "kim-lien" } },
                "X-SOC-SON": { "code": "X-SOC-SON", "name": { "vi": "Ủy ban nhân dân xã Sóc Sơn" }, "parent": "UBND-XA", "unit": { "version": "v2025", "id": "soc-son" } } } }
            """);
        _catalog.EditJson("form.schema.json", form =>
        {
            form["properties"]!["format"] = JsonNode.Parse("""{ "type": "string", "enum": ["new", "old"], "x-ui": { "label": { "vi": "Cách ghi địa chỉ" }, "widget": "radio" } }""");
            form["properties"]!["commune"] = JsonNode.Parse("""
                { "type": "string", "x-ui": { "label": { "vi": "Phường, xã", "en": "Ward or commune" }, "widget": "ward", "units": "shared/units.json",
                  "unitsVersion": "v2025", "valueField": "fullName", "visibleWhen": { "field": "format", "equals": "new" } } }
                """);
            form["properties"]!["previousCommune"] = JsonNode.Parse("""
                { "type": "string", "x-ui": { "label": { "vi": "Nơi cư trú trước" }, "widget": "ward", "units": "shared/units.json", "unitsVersion": "v2025", "valueField": "fullName" } }
                """);
        });
    }

    public void Dispose() => _catalog.Dispose();

    private void Declare(string jurisdiction) =>
        _catalog.EditJson("procedure.json", m =>
        {
            m["agency"] = JsonNode.Parse("""{ "code": "UBND-XA", "name": { "vi": "Ủy ban nhân dân phường, xã" } }""");
            m["jurisdiction"] = JsonNode.Parse(jurisdiction);
        });

    private void EditAgencies(Action<JsonObject> edit)
    {
        var list = JsonNode.Parse(_catalog.Read("shared/agencies.json"))!;
        edit(list["agencies"]!.AsObject());
        _catalog.Write("shared/agencies.json", list.ToJsonString());
    }

    private void TaskDeclares(string agency, string? shows = null) =>
        _catalog.EditJson("workflow.json", w =>
        {
            var task = w["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "reception")!;
            task["agency"] = JsonNode.Parse(agency);
            if (shows is not null)
            {
                task["shows"] = JsonNode.Parse(shows);
            }
        });

    private static JsonObject Submission(string? commune, string format = "new")
    {
        var data = JsonNode.Parse("""{ "applicant": { "fullName": "Nguyễn Văn An", "birthDate": "1995-06-15", "citizenId": "001095012345", "phone": "0912345678" }, "permitType": "thuong", "copies": 1, "delivery": "counter" }""")!.AsObject();
        data["format"] = format;
        if (commune is not null)
        {
            data["commune"] = commune;
        }

        return data;
    }

    private ProcedureCompilation Compile() => new ProcedureCompiler().CompileCatalog(_catalog.Root).Procedures.Single();

    [Theory]
    [InlineData("Phường Ba Đình", "P-BA-DINH")]
    [InlineData("Phường Kim Liên", "P-KIM-LIEN")]
    [InlineData("Xã Sóc Sơn", "X-SOC-SON")]
    public void The_handling_agency_is_the_committee_of_the_unit_picked_in_the_field(string commune, string agency)
    {
        Declare("""{ "unitField": "/commune" }""");
        var procedure = Assert.IsType<CompiledProcedure>(Compile().Procedure);

        var resolution = procedure.Routing.Handling.Resolve(Submission(commune));

        Assert.Equal(agency, resolution.AgencyCode);
        Assert.Empty(procedure.ValidateSubmission(Submission(commune)).Errors);
    }

    [Fact]
    public void Without_a_jurisdiction_the_procedures_agency_is_fixed()
    {
        var procedure = Assert.IsType<CompiledProcedure>(Compile().Procedure);

        Assert.Equal("SO-GTVT", procedure.Routing.Handling.Resolve(Submission("Phường Ba Đình")).AgencyCode);
        Assert.Equal("SO-GTVT", procedure.Routing.Handling.FixedCode);
    }

    [Fact]
    public void A_unit_field_hidden_by_the_chosen_format_is_reported_at_the_format_field()
    {
        Declare("""{ "unitField": "/commune" }""");
        var procedure = Assert.IsType<CompiledProcedure>(Compile().Procedure);

        var errors = procedure.ValidateSubmission(Submission(null, format: "old")).Errors;

        Assert.Equal("/format", Assert.Single(errors).Pointer);
    }

    [Fact]
    public void A_unit_no_agency_serves_is_a_field_error_at_the_unit_field()
    {
        Declare("""{ "unitField": "/commune" }""");
        var procedure = Assert.IsType<CompiledProcedure>(Compile().Procedure);

        var error = Assert.Single(procedure.ValidateSubmission(Submission("Phường Không Có")).Errors);

        Assert.Equal(("/commune", "jurisdiction"), (error.Pointer, error.Keyword));
    }

    [Fact]
    public void A_jurisdiction_field_the_form_does_not_define_is_a_compile_error()
    {
        Declare("""{ "unitField": "/noSuchField" }""");

        var error = DiagnosticAssert.SingleError(Compile(), AgencyDiagnostics.UnknownField, FixtureCatalog.ProcedureFolder + "/procedure.json", "/jurisdiction/unitField");

        Assert.True(error.Line > 0);
    }

    [Fact]
    public void A_jurisdiction_field_that_is_not_a_unit_is_a_compile_error()
    {
        Declare("""{ "unitField": "/delivery" }""");

        DiagnosticAssert.SingleError(Compile(), AgencyDiagnostics.NotAUnitField, FixtureCatalog.ProcedureFolder + "/procedure.json", "/jurisdiction/unitField");
    }

    [Fact]
    public void A_unit_without_an_agency_is_a_compile_error()
    {
        EditAgencies(a => a.Remove("X-SOC-SON"));
        Declare("""{ "unitField": "/commune" }""");

        var error = DiagnosticAssert.SingleError(Compile(), AgencyDiagnostics.UnitWithoutAgency, FixtureCatalog.ProcedureFolder + "/procedure.json", "/jurisdiction/unitField");

        Assert.Contains("Xã Sóc Sơn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_are_looked_up_only_under_the_named_group()
    {
        Declare("""{ "unitField": "/commune", "under": "CA" }""");

        DiagnosticAssert.SingleError(Compile(), AgencyDiagnostics.UnitWithoutAgency, FixtureCatalog.ProcedureFolder + "/procedure.json", "/jurisdiction/unitField");
    }

    [Fact]
    public void A_procedure_fixed_to_a_group_is_a_compile_error()
    {
        _catalog.EditJson("procedure.json", m => m["agency"] = JsonNode.Parse("""{ "code": "UBND-XA", "name": { "vi": "Ủy ban nhân dân phường, xã" } }"""));

        DiagnosticAssert.SingleError(Compile(), AgencyDiagnostics.AgencyIsGroup, FixtureCatalog.ProcedureFolder + "/procedure.json", "/agency/code");
    }

    [Fact]
    public void A_procedure_fixed_to_an_agency_missing_from_the_list_is_only_warned_about()
    {
        _catalog.EditJson("procedure.json", m => m["agency"] = JsonNode.Parse("""{ "code": "HN-CO-QUAN", "name": { "vi": "Cơ quan (cần sửa)" } }"""));

        var compilation = Compile();

        Assert.NotNull(compilation.Procedure);
        Assert.Equal(AgencyDiagnostics.UnknownAgency, Assert.Single(compilation.Diagnostics).Code);
    }

    [Fact]
    public void Reassigning_a_unit_to_another_agency_makes_a_new_content_hash()
    {
        Declare("""{ "unitField": "/commune" }""");
        var before = Assert.IsType<CompiledProcedure>(Compile().Procedure).ContentHash;
        EditAgencies(a =>
        {
            a["X-SOC-SON"]!["unit"]!["id"] = "kim-lien";
            a["P-KIM-LIEN"]!["unit"]!["id"] = "soc-son";
        });

        var after = Assert.IsType<CompiledProcedure>(Compile().Procedure);

        Assert.NotEqual(before, after.ContentHash);
        Assert.Equal("P-KIM-LIEN", after.Routing.Handling.Resolve(Submission("Xã Sóc Sơn")).AgencyCode);
    }

    [Fact]
    public void A_task_handed_to_a_fixed_agency_is_routed_there_and_shows_what_it_declares()
    {
        TaskDeclares("""{ "code": "CA" }""", """{ "fields": ["/applicant/fullName", "/applicant/citizenId"], "attachments": ["can-cuoc"] }""");
        var procedure = Assert.IsType<CompiledProcedure>(Compile().Procedure);

        Assert.Equal("CA", procedure.Routing.TaskAgency("reception", Submission(null)));
        Assert.Equal(["/applicant/fullName", "/applicant/citizenId"], procedure.Routing.Shows("reception").Fields);
        Assert.Equal(["can-cuoc"], procedure.Routing.Shows("reception").Attachments);
    }

    [Fact]
    public void A_task_handed_to_the_unit_in_the_data_falls_back_to_the_dossiers_agency_when_it_is_blank()
    {
        Declare("""{ "unitField": "/commune" }""");
        TaskDeclares("""{ "unitField": "/previousCommune" }""", """{ "fields": ["/applicant/fullName"] }""");
        var procedure = Assert.IsType<CompiledProcedure>(Compile().Procedure);
        var data = Submission("Phường Ba Đình");

        var blank = procedure.Routing.TaskAgency("reception", data);
        data["previousCommune"] = "Xã Sóc Sơn";
        var named = procedure.Routing.TaskAgency("reception", data);

        Assert.Null(blank);
        Assert.Equal("X-SOC-SON", named);
    }

    [Theory]
    [InlineData("""{ "code": "NO-SUCH" }""", null, AgencyDiagnostics.UnknownAgency)]
    [InlineData("""{ "code": "UBND-XA" }""", null, AgencyDiagnostics.AgencyIsGroup)]
    [InlineData("""{ "unitField": "/permitType" }""", null, AgencyDiagnostics.NotAUnitField)]
    [InlineData("""{ "police": true }""", null, AgencyDiagnostics.InvalidSelector)]
    [InlineData("""{ "code": "CA" }""", """{ "fields": ["/noSuchField"] }""", AgencyDiagnostics.UnknownShownItem)]
    [InlineData("""{ "code": "CA" }""", """{ "attachments": ["no-such-file"] }""", AgencyDiagnostics.UnknownShownItem)]
    public void A_bad_task_agency_or_shows_is_a_compile_error_in_the_workflow(string agency, string? shows, string code)
    {
        TaskDeclares(agency, shows);

        DiagnosticAssert.SingleError(Compile(), code, FixtureCatalog.ProcedureFolder + "/workflow.json");
    }

    [Fact]
    public void A_task_handed_over_without_shows_is_warned_about()
    {
        TaskDeclares("""{ "code": "CA" }""");

        var compilation = Compile();

        Assert.NotNull(compilation.Procedure);
        Assert.Equal(AgencyDiagnostics.ShowsNothing, Assert.Single(compilation.Diagnostics).Code);
    }
}
