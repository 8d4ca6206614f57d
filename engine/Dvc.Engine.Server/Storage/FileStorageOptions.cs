using System.ComponentModel.DataAnnotations;

namespace Dvc.Engine.Server.Storage;

/// <summary>Where uploaded files, result documents and drafts are kept (section <c>Dvc:Files</c>).</summary>
internal sealed class FileStorageOptions
{
    public const string Section = "Dvc:Files";

    /// <summary>A folder, relative to the content root; scale-out nodes point it at shared storage.</summary>
    [Required]
    public string Root { get; set; } = "dvc-files";
}
