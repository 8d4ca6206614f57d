namespace Dvc.Engine.Persistence.Dossiers;

/// <summary>The last sequence number handed out for a code prefix and year; bumped with one atomic upsert.</summary>
public sealed class DossierCodeCounter
{
    public string Prefix { get; set; } = string.Empty;

    public int Year { get; set; }

    public long LastValue { get; set; }
}
