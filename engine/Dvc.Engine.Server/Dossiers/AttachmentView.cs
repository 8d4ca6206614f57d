using System.Text.Json.Nodes;
using Dvc.Engine.Server.Forms;

namespace Dvc.Engine.Server.Dossiers;

internal sealed record AttachmentView(Guid Id, string AttachmentId, LocalizedString Name, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt);
