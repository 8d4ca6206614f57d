using System.ComponentModel.DataAnnotations;

namespace Dvc.Engine.Server.Hosting;

/// <summary>Bounds on a submission's data beyond its form's own limits (section <c>Dvc:Submissions</c>).</summary>
internal sealed class SubmissionOptions
{
    public const string Section = "Dvc:Submissions";

    /// <summary>The largest form data (as JSON, without files) a submission or a supplement's correction may carry.</summary>
    [Range(8, 16_384)]
    public int MaxDataKb { get; set; } = 256;
}
