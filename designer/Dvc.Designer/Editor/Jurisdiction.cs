using System.Text.Json.Nodes;
using Dvc.Designer.Drafts;
using Dvc.Designer.Forms;

namespace Dvc.Designer.Editor;

/// <summary>
/// A procedure owned by a group of agencies (the wards' and communes' People's Committees) is handled by one of them,
/// chosen by a unit field of the form, and the engine refuses it without <c>jurisdiction</c>. While the admin has not
/// declared one, the first ward/commune field (units from 07/2025, outside any repeating group) decides, as the shipped
/// commune procedures do; the General tab shows which field it is.
/// </summary>
public static class Jurisdiction
{
    /// <summary>The owning agency's code, from <c>{"$ref": "…/agencies/CODE"}</c> or <c>{"code": …}</c>.</summary>
    public static string? AgencyCode(JsonObject? manifest) => manifest?["agency"] switch
    {
        JsonObject o when o["$ref"]?.ToString() is { } reference && reference.LastIndexOf("/agencies/", StringComparison.Ordinal) is var at and >= 0 => reference[(at + "/agencies/".Length)..],
        JsonObject o => o["code"]?.ToString(),
        _ => null,
    };

    public static bool IsGroup(SharedFragments shared, string? agency) =>
        agency is not null && shared.File(SharedFragments.Agencies)?["agencies"]?[agency]?["group"] is JsonValue flag && flag.TryGetValue<bool>(out var group) && group;

    /// <summary>The JSON pointer of the field that chooses the handling agency, when one is declared.</summary>
    public static string? UnitField(JsonObject? manifest) => manifest?["jurisdiction"]?["unitField"]?.ToString();

    /// <summary>Declares the jurisdiction of a group-owned procedure that has none; true when the manifest changed.</summary>
    public static bool Ensure(ProcedureDocument doc, FormSchemaEditor? form, SharedFragments shared)
    {
        var agency = AgencyCode(doc.Manifest);
        if (doc.Manifest is not { } manifest || manifest["jurisdiction"] is not null || !IsGroup(shared, agency) || form is null)
        {
            return false;
        }

        var unit = form.All().FirstOrDefault(f => f.Kind == FieldKind.Commune && !f.Hidden && !f.Path.Split('/').Contains("*"));
        if (unit is null)
        {
            return false;
        }

        manifest["jurisdiction"] = new JsonObject { ["unitField"] = "/" + unit.Path, ["under"] = agency };
        return true;
    }
}
