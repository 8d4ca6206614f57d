using System.Text.Json.Nodes;
using Dvc.Designer.Drafts;
using Dvc.Designer.Editor;
using Dvc.Designer.Forms;
using Dvc.Designer.Tests.Infrastructure;

namespace Dvc.Designer.Tests.Editor;

public sealed class JurisdictionTests
{
    private static ProcedureDocument Draft(string agency) => ProcedureDocument.Load("HN-TP-099", new Dictionary<string, string>
    {
        ["procedure.json"] = new JsonObject
        {
            ["code"] = "HN-TP-099",
            ["agency"] = new JsonObject { ["$ref"] = $"../../shared/agencies.json#/agencies/{agency}" },
            ["parts"] = new JsonObject { ["form"] = "form.schema.json" },
        }.ToJsonString(),
        ["form.schema.json"] = """{"type":"object","required":[],"properties":{}}""",
    });

    private static FormSchemaEditor Form(ProcedureDocument doc) => new(doc.Form!, Definitions.Shared.Fragments, "procedures/HN-TP-099/form.schema.json");

    [Fact]
    public void A_procedure_of_the_communes_group_is_handled_by_the_commune_of_its_first_address()
    {
        var doc = Draft("HN-UBND-XA");
        var form = Form(doc);
        form.Add("", FieldKind.Text, "Họ và tên", "Full name");
        Assert.False(Jurisdiction.Ensure(doc, form, Definitions.Shared.Fragments));

        var address = form.Add("", FieldKind.Address, "Nơi cư trú", "Residence");

        Assert.True(Jurisdiction.Ensure(doc, form, Definitions.Shared.Fragments));
        Assert.Equal($"/{address}/commune", Jurisdiction.UnitField(doc.Manifest));
        Assert.Equal("HN-UBND-XA", doc.Manifest!["jurisdiction"]!["under"]!.GetValue<string>());
        Assert.False(Jurisdiction.Ensure(doc, form, Definitions.Shared.Fragments));
    }

    [Fact]
    public void A_procedure_of_one_agency_declares_no_jurisdiction()
    {
        var doc = Draft("HN-STP");
        var form = Form(doc);
        form.Add("", FieldKind.Commune, "Phường/xã", "Ward");

        Assert.False(Jurisdiction.Ensure(doc, form, Definitions.Shared.Fragments));
        Assert.Null(doc.Manifest!["jurisdiction"]);
    }
}
