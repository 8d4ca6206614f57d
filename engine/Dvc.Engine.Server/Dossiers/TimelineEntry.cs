using System.Text.Json.Nodes;
using Dvc.Engine.Server.Forms;

namespace Dvc.Engine.Server.Dossiers;

/// <summary>A line of the dossier's history; <see cref="Detail"/> is only filled for full views.</summary>
internal sealed record TimelineEntry(DateTimeOffset At, string Kind, string Title, string? Detail, string? Actor);
