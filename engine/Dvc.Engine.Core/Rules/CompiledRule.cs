using Dvc.Engine.Core.Definitions;

namespace Dvc.Engine.Core.Rules;

/// <summary>
/// A rule after compilation: what it reads and what it means in its workflow (reason, fee amount, attachment), and
/// its optional <see cref="Title"/> (<c>Properties.title</c>), what the decision trace calls it in any workflow.
/// </summary>
internal sealed record CompiledRule(
    string Name,
    string Expression,
    IReadOnlyCollection<string> Reads,
    LocalizedText? Reason,
    LocalizedText? Label,
    FeeAmount? Amount,
    string? Attachment,
    LocalizedText? Note,
    IReadOnlyList<CompiledScopedParam> LocalParams,
    LocalizedText? Title = null);
