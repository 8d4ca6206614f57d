using System.ComponentModel.DataAnnotations;

namespace Dvc.Engine.Server.Hosting;

/// <summary>Server-wide ceiling on uploads (section <c>Dvc:Uploads</c>); each attachment's own limit is lower.</summary>
internal sealed class UploadOptions
{
    public const string Section = "Dvc:Uploads";

    /// <summary>What one form post may carry in all (the pages' request limit); the page script stops a bigger one before it is sent.</summary>
    public const long MaxRequestBytes = 64L * 1024 * 1024;

    /// <summary>
    /// What a form page reads at most before refusing the request: half again the limit, so a post just over it
    /// (the script off, or a browser without it) comes back as the form with an error, while the disk and memory one
    /// request can take stay bounded.
    /// </summary>
    public const long CeilingBytes = MaxRequestBytes + (MaxRequestBytes / 2);

    [Range(1, 100)]
    public int MaxFileSizeMb { get; set; } = 10;

    /// <summary>The most files one attachment slot of a dossier holds, supplements included.</summary>
    [Range(1, 50)]
    public int MaxFilesPerAttachment { get; set; } = 5;
}
