using System.Text.Json.Nodes;
using Dvc.Engine.Server.Forms;

namespace Dvc.Engine.Server.Catalog;

internal sealed record ProcedureRole(string Id, LocalizedString Name);
