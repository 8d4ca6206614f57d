using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Runtime;

/// <summary>What a run needs from the host: the clock, the sandbox limits and the services activities may use.</summary>
internal sealed record WorkflowRuntimeContext(TimeProvider Time, ExpressionSandboxOptions Sandbox, IServiceProvider Services, DossierInfo Dossier);
