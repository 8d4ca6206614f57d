namespace Dvc.Engine.Persistence.Procedures;

/// <summary>Stored as text so a new state never renumbers old rows.</summary>
public enum ProcedureVersionStatus
{
    Draft,
    Published,
    Retired,
}
