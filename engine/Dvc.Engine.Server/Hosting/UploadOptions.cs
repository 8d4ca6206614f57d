using System.ComponentModel.DataAnnotations;

namespace Dvc.Engine.Server.Hosting;

/// <summary>Server-wide ceiling on uploads (section <c>Dvc:Uploads</c>); each attachment's own limit is lower.</summary>
internal sealed class UploadOptions
{
    public const string Section = "Dvc:Uploads";

    [Range(1, 100)]
    public int MaxFileSizeMb { get; set; } = 10;

    /// <summary>The most files one attachment slot of a dossier holds, supplements included.</summary>
    [Range(1, 50)]
    public int MaxFilesPerAttachment { get; set; } = 5;
}
