using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Storage;

namespace Dvc.Engine.Server.Dossiers;

internal sealed record Draft(Guid Id, string ProcedureCode, DateTimeOffset SavedAt, string DataJson);
