using System.Text.Json.Nodes;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Dossiers;

/// <summary>What the domain activities hand to templates and where they find the host's services.</summary>
internal static class DossierModel
{
    public static JsonObject For(DossierInfo dossier, string? decision = null) => new()
    {
        ["data"] = JsonNode.Parse(dossier.Data.ValueKind == System.Text.Json.JsonValueKind.Undefined ? "{}" : dossier.Data.GetRawText()),
        ["dossier"] = new JsonObject
        {
            ["code"] = dossier.Code,
            ["procedureCode"] = dossier.ProcedureCode,
            ["fee"] = dossier.Fee,
            ["serviceLevel"] = dossier.ServiceLevel,
            ["decision"] = decision,
        },
    };

    public static IDossierServices Services(ActivityContext context) =>
        context.Services.GetService(typeof(IDossierServices)) as IDossierServices
        ?? throw new InvalidOperationException("The workflow host registered no IDossierServices.");
}
