using Dvc.Engine.Core.Definitions;

namespace Dvc.Designer.Editor;

/// <summary>A diagnostic as the problems panel lists it: where it points, and what to do, in the admin's language.</summary>
public sealed record Problem(Diagnostic Diagnostic, Problems.ProblemTarget Target, string Element, string Text, string? Fix);
