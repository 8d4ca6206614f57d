using System.Text.Json.Nodes;
using Dvc.Engine.Server.Forms;

namespace Dvc.Engine.Server.Catalog;

/// <summary>Everything the procedure page and the generated form show about the current version of a procedure.</summary>
internal sealed record ProcedureInfo(
    ProcedureSummary Summary,
    LocalizedString Description,
    LocalizedString FeeDescription,
    string? FeeLegalBasis,
    IReadOnlyList<AttachmentRequirement> Attachments,
    IReadOnlyList<string> ResultDelivery,
    IReadOnlyList<string> LegalBasis,
    IReadOnlyList<ProcedureRole> Roles,
    FormLayout Form,
    JsonObject FormSchema)
{
    public string Code => Summary.Code;
}
