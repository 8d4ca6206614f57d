using System.ComponentModel.DataAnnotations;

namespace Dvc.Engine.Server.Hosting;

/// <summary>Server-wide ceiling on uploads (section <c>Dvc:Uploads</c>); each attachment's own limit is lower.</summary>
internal sealed class UploadOptions
{
    public const string Section = "Dvc:Uploads";

    /// <summary>What one form post may carry in all (the pages' request limit); the page script stops a bigger one before it is sent.</summary>
    public const long MaxRequestBytes = 64L * 1024 * 1024;

    [Range(1, 100)]
    public int MaxFileSizeMb { get; set; } = 10;
}
