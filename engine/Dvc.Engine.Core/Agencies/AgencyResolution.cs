using Dvc.Engine.Core.Forms;

namespace Dvc.Engine.Core.Agencies;

/// <summary>The agency chosen for a submission, or the field error that says why none could be.</summary>
public sealed record AgencyResolution(string? AgencyCode, FieldError? Error);
