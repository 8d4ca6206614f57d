using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Templates;
using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Server.Storage;

namespace Dvc.Engine.Server.Dossiers;

internal sealed record IssuedDocument(string StorageKey, string Text);
