using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Persistence.Tasks;
using Dvc.Engine.Server.Accounts;

namespace Dvc.Engine.Server.Workflows;

/// <summary>Whether the workflow accepted the stimulus (false: nothing was waiting for it any more).</summary>
internal sealed record WorkflowStep(bool Accepted, string? Message = null);
