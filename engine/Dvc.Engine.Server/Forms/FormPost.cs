using System.Text.Json.Nodes;

namespace Dvc.Engine.Server.Forms;

/// <summary>
/// A posted form turned into the submission JSON, plus what the citizen typed (to show it back unchanged) and the
/// values that could not even be converted (a date that is not a date), keyed by JSON pointer.
/// </summary>
internal sealed record FormPost(
    JsonObject Submission,
    IReadOnlyDictionary<string, string> Raw,
    IReadOnlyDictionary<string, string[]> ConversionErrors);
