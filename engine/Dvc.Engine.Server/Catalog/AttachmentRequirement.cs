using System.Text.Json.Nodes;
using Dvc.Engine.Server.Forms;

namespace Dvc.Engine.Server.Catalog;

internal sealed record AttachmentRequirement(
    string Id,
    LocalizedString Name,
    bool Required,
    IReadOnlyList<string> AcceptedTypes,
    decimal MaxSizeMb,
    string? Copies);
