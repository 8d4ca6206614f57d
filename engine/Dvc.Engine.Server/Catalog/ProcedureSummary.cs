using Dvc.Engine.Server.Forms;

namespace Dvc.Engine.Server.Catalog;

/// <summary>A catalog line: what a citizen needs to pick a procedure.</summary>
internal sealed record ProcedureSummary(
    string Code,
    string Version,
    LocalizedString Name,
    string AgencyCode,
    LocalizedString AgencyName,
    string AdministrativeLevel,
    int ServiceLevel,
    decimal ProcessingDays);
