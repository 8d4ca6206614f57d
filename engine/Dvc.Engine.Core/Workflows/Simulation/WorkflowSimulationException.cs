namespace Dvc.Engine.Core.Workflows.Simulation;

/// <summary>A simulated dossier hit a definition problem that the compiler could not see (a template that fails to render).</summary>
public sealed class WorkflowSimulationException(string message) : Exception(message);
