using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Dvc.Designer.Access;
using Dvc.Designer.Drafts;
using Dvc.Designer.Problems;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Definitions.Testing;
using Dvc.Engine.Server.Forms;
using Dvc.Engine.Server.Localization;

namespace Dvc.Engine.Server.Designer;

/// <summary>
/// Compiles drafts for the problems panel, the preview, the tester and the test runner. A compiled draft is kept by
/// the hash of its files for a while (bounded), so the preview page and the tester reuse the check the edit just ran.
/// </summary>
internal sealed class DesignerChecker(DraftWorkspace workspace, FormSchemaReader forms, PortalText text) : IProcedureChecker
{
    private const int Kept = 64;
    private readonly ConcurrentDictionary<string, (ProcedureCompilation Compilation, long At)> _compiled = new(StringComparer.Ordinal);

    public Task<CheckResult> CheckAsync(DesignerUser user, string code, IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        if (!Allowed(user, files))
        {
            return Task.FromResult(new CheckResult([new Diagnostic("DVC-DESIGNER-001", DiagnosticSeverity.Error, "The procedure's agency is not yours.", ProcedureFiles.Manifest, "/agency")], null, watch.Elapsed));
        }

        var (key, compilation) = Compile(code, files);
        return Task.FromResult(new CheckResult(compilation.Diagnostics, compilation.Procedure is null ? null : key, watch.Elapsed));
    }

    public Task<TryResult> TryAsync(DesignerUser user, string code, IReadOnlyDictionary<string, string> files, JsonObject input, DateOnly submittedOn, string culture, CancellationToken cancellationToken)
    {
        var (_, compilation) = Compile(code, files);
        if (!Allowed(user, files) || compilation.Procedure is not { } procedure)
        {
            return Task.FromResult(new TryResult(false, [], false, [], 0, [], [], null));
        }

        // The labels, values and messages below read the UI culture; the designer's language is the circuit's choice,
        // not the thread's, so it is set here for this synchronous call and put back after.
        var (ui, format) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture == "en" ? "en" : "vi");
        try
        {
            culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            var layout = forms.Read(procedure.Form.Schema);
            var validation = procedure.ValidateSubmission(input, culture, submittedOn);
            var (eligibility, fee, checklist, trace) = procedure.Decide(input, submittedOn);
            var rules = trace.Rules.Select(r => new RuleOutcome(
                r.Workflow,
                r.Rule,
                r.Success,
                [.. r.Inputs.Select(i => (FormValueText.Label(layout, i.Key), FormValueText.Format(layout, i.Key, i.Value, text)))],
                procedure.RuleTitle(r.Workflow, r.Rule)?.Get(culture),
                fee.Lines.FirstOrDefault(l => l.Rule == r.Rule)?.Amount,
                r.Error)).ToList();
            return Task.FromResult(new TryResult(
                true,
                [.. validation.Errors.Select(e => (e.Pointer, FormValueText.Label(layout, e.Pointer), e.Text(culture)))],
                eligibility.Eligible,
                rules,
                fee.Total,
                [.. fee.Lines.Select(l => (l.Label.Get(culture), l.Amount))],
                [.. checklist.Items.Select(i => i.Attachment.Name.Get(culture))],
                fee.Errors.Count > 0 ? string.Join("; ", fee.Errors.Select(e => e.Reason.Get(culture))) : null));
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, format);
        }
    }

    public Task<IReadOnlyList<TestOutcome>> RunTestsAsync(DesignerUser user, string code, IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken)
    {
        var (_, compilation) = Compile(code, files);
        if (!Allowed(user, files) || compilation.Procedure is not { } procedure)
        {
            return Task.FromResult<IReadOnlyList<TestOutcome>>([]);
        }

        var runner = new ProcedureTestRunner();
        return Task.FromResult<IReadOnlyList<TestOutcome>>([.. compilation.Tests.Select(t =>
        {
            var result = runner.Run(procedure, t);
            return new TestOutcome(t.Name, Relative(code, t.File), result.Passed, result.Failures);
        })]);
    }

    /// <summary>The compiled draft behind a preview key, when this node still has it.</summary>
    public CompiledProcedure? Find(string key) => _compiled.TryGetValue(key, out var entry) ? entry.Compilation.Procedure : null;

    /// <summary>Compiles (or reuses) the draft; returns its key, the hash of its code and files.</summary>
    public (string Key, ProcedureCompilation Compilation) Compile(string code, IReadOnlyDictionary<string, string> files)
    {
        var key = Key(code, files);
        if (_compiled.TryGetValue(key, out var cached))
        {
            _compiled[key] = (cached.Compilation, Stopwatch.GetTimestamp());
            return (key, cached.Compilation);
        }

        var compilation = workspace.Check(code, files);
        _compiled[key] = (compilation, Stopwatch.GetTimestamp());
        if (_compiled.Count > Kept)
        {
            foreach (var old in _compiled.OrderBy(e => e.Value.At).Take(_compiled.Count - Kept).ToList())
            {
                _compiled.TryRemove(old.Key, out _);
            }
        }

        return (key, compilation);
    }

    private bool Allowed(DesignerUser user, IReadOnlyDictionary<string, string> files) => user.MayEdit(workspace.Facts(files).AgencyCode);

    private static string Relative(string code, string file)
    {
        var prefix = $"procedures/{code}/";
        return file.StartsWith(prefix, StringComparison.Ordinal) ? file[prefix.Length..] : file;
    }

    private static string Key(string code, IReadOnlyDictionary<string, string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(code + "\0"));
        foreach (var (path, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(path + "\0" + text + "\0"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }
}
