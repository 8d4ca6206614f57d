using System.Text.Json.Nodes;
using Dvc.Designer.Access;
using Dvc.Engine.Core.Definitions;

namespace Dvc.Designer.Problems;

/// <summary>
/// Compiles a draft the way publishing will (same compiler, same shared fragments) and runs it: the problems panel, the
/// live preview, the tester and the test runner all go through here. Implemented by the server.
/// </summary>
public interface IProcedureChecker
{
    Task<CheckResult> CheckAsync(DesignerUser user, string code, IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken);

    /// <summary>
    /// Validates and decides <paramref name="input"/> as of <paramref name="submittedOn"/>, with each rule's trace, in
    /// <paramref name="culture"/> ("vi" or "en"): messages, rule titles, the fields read by their labels and their values
    /// as the portal writes them.
    /// </summary>
    Task<TryResult> TryAsync(DesignerUser user, string code, IReadOnlyDictionary<string, string> files, JsonObject input, DateOnly submittedOn, string culture, CancellationToken cancellationToken);

    /// <summary>Runs every test case of the draft (tests/*.json).</summary>
    Task<IReadOnlyList<TestOutcome>> RunTestsAsync(DesignerUser user, string code, IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken);
}

/// <summary>
/// The compiler's findings; <see cref="PreviewKey"/> names the compiled draft for the preview page
/// (<c>/designer/preview/{code}?key=…</c>) when it compiled.
/// </summary>
public sealed record CheckResult(IReadOnlyList<Diagnostic> Diagnostics, string? PreviewKey, TimeSpan Elapsed)
{
    public int Errors => Diagnostics.Count(d => d.IsError);
}

/// <summary>A rule's result; <see cref="Read"/> names each field by its label ("Con chung (1) › Họ tên") with its value as shown.</summary>
public sealed record RuleOutcome(string Workflow, string Rule, bool Passed, IReadOnlyList<(string Field, string Value)> Read, string? Text, long? Amount, string? Error);

public sealed record TryResult(
    bool Compiled,
    IReadOnlyList<(string Pointer, string Field, string Message)> ValidationErrors,
    bool Eligible,
    IReadOnlyList<RuleOutcome> Rules,
    long FeeTotal,
    IReadOnlyList<(string Label, long Amount)> FeeLines,
    IReadOnlyList<string> Checklist,
    string? Error);

public sealed record TestOutcome(string Name, string File, bool Passed, IReadOnlyList<string> Failures);
