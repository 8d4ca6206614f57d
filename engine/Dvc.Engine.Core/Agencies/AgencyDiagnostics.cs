namespace Dvc.Engine.Core.Agencies;

/// <summary>Stable codes for problems with the agency list and with how procedures and tasks choose an agency.</summary>
public static class AgencyDiagnostics
{
    /// <summary>An entry of shared/agencies.json is malformed (no code or name, key and code differ, bad date).</summary>
    public const string InvalidAgency = "DVC-AGENCY-001";

    /// <summary>An agency names a parent that does not exist, or the parents form a cycle.</summary>
    public const string InvalidParent = "DVC-AGENCY-002";

    /// <summary>An agency serves a unit that the unit file does not list.</summary>
    public const string UnknownUnit = "DVC-AGENCY-003";

    /// <summary>A procedure or task names an agency code the agency list does not have.</summary>
    public const string UnknownAgency = "DVC-AGENCY-004";

    /// <summary>A procedure or task hands dossiers to a group, which handles nothing itself.</summary>
    public const string AgencyIsGroup = "DVC-AGENCY-005";

    /// <summary>A jurisdiction or task names a unit field that the form does not define.</summary>
    public const string UnknownField = "DVC-AGENCY-006";

    /// <summary>The named field is not an administrative-unit field (widget district/ward/commune with x-ui.units).</summary>
    public const string NotAUnitField = "DVC-AGENCY-007";

    /// <summary>Some units the citizen can pick in the field have no agency under the group.</summary>
    public const string UnitWithoutAgency = "DVC-AGENCY-008";

    /// <summary>An agency selector is neither <c>{ "code" }</c> nor <c>{ "unitField" }</c>.</summary>
    public const string InvalidSelector = "DVC-AGENCY-009";

    /// <summary>A task's <c>shows</c> names a field the form does not define or an attachment the procedure does not declare.</summary>
    public const string UnknownShownItem = "DVC-AGENCY-010";

    /// <summary>A task handed to another agency shows nothing of the dossier (a warning).</summary>
    public const string ShowsNothing = "DVC-AGENCY-011";
}
