using System.ComponentModel.DataAnnotations;

namespace Dvc.Engine.Server.Hosting;

/// <summary>The background loop: workflow timers, overdue apology slips, outbox delivery (section <c>Dvc:Background</c>).</summary>
internal sealed class BackgroundDispatchOptions
{
    public const string Section = "Dvc:Background";

    public bool Enabled { get; set; } = true;

    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 15;

    /// <summary>A claimed timer is retried by another node when this one dies before this lease ends.</summary>
    [Range(5, 3600)]
    public int LeaseSeconds { get; set; } = 60;

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 20;
}
