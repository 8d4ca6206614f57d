namespace Dvc.Engine.Core.Agencies;

/// <summary>A human task's own agency (null: the dossier's handling agency) and what it shows to that agency.</summary>
public sealed record TaskRouting(AgencySelector? Agency, TaskDisclosure Shows);
