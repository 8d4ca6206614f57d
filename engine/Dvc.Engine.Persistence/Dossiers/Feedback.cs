namespace Dvc.Engine.Persistence.Dossiers;

/// <summary>A citizen's rating of how a dossier was handled; one per dossier.</summary>
public sealed class Feedback
{
    public Guid Id { get; set; }

    public Guid DossierId { get; set; }

    /// <summary>1 (very dissatisfied) to 5 (very satisfied).</summary>
    public int Rating { get; set; }

    public string? Comment { get; set; }

    public string? UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
