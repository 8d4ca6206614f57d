using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Runtime;

/// <summary>
/// What a run needs from the host: the clock, the sandbox limits, the services activities may use, and how many steps
/// one start or resume may take before the instance faults (a loop that never waits).
/// </summary>
internal sealed record WorkflowRuntimeContext(TimeProvider Time, ExpressionSandboxOptions Sandbox, IServiceProvider Services, DossierInfo Dossier, int MaxSteps);
