using Dvc.Engine.Core.Definitions;

namespace Dvc.Engine.Server.Tasks;

/// <summary>A decision a task offers: its id (the workflow's port) and the label people read.</summary>
internal sealed record TaskOutcome(string Name, LocalizedText Label);
