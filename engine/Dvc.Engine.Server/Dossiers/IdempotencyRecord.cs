using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Dvc.Engine.Server.Storage;

namespace Dvc.Engine.Server.Dossiers;

internal sealed record IdempotencyRecord(string RequestHash, string DossierCode);
