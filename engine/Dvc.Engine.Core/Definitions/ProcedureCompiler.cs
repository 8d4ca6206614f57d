using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Agencies;
using Dvc.Engine.Core.Definitions.Testing;
using Dvc.Engine.Core.Forms;
using Dvc.Engine.Core.Rules;
using Dvc.Engine.Core.Templates;
using Dvc.Engine.Core.Workflows;

namespace Dvc.Engine.Core.Definitions;

/// <summary>
/// Turns procedure folders into <see cref="CompiledProcedure"/>s: loads every part with limits, inlines <c>$ref</c>s, validates
/// the manifest against procedure.schema.json, compiles the form, rules, templates and workflow, and cross-checks them.
/// All findings are <see cref="Diagnostic"/>s; one instance (and its rules engine) serves the whole catalog.
/// </summary>
public sealed class ProcedureCompiler
{
    public const string ManifestFileName = "procedure.json";
    public const string ProceduresFolder = "procedures";

    private readonly ProcedureCompilerOptions _options;
    private readonly ActivityRegistry _activities;

    /// <param name="activities">The activity types workflows may use (built-in and plugin ones); the built-in set when null.</param>
    public ProcedureCompiler(ProcedureCompilerOptions? options = null, ActivityRegistry? activities = null, RuleEngineHost? rules = null)
    {
        _options = options ?? new ProcedureCompilerOptions();
        _activities = activities ?? ActivityRegistry.CreateDefault();
        Rules = rules ?? new RuleEngineHost();
    }

    /// <summary>The rules engine every compiled procedure of this compiler evaluates in.</summary>
    public RuleEngineHost Rules { get; }

    /// <summary>Compiles every <c>procedures/*</c> folder under <paramref name="catalogRoot"/> (the <c>definitions/</c> folder).</summary>
    public CatalogCompilation CompileCatalog(string catalogRoot, CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(catalogRoot);
        var diagnostics = new List<Diagnostic>();
        var proceduresPath = Path.Combine(root, ProceduresFolder);
        if (!Directory.Exists(proceduresPath))
        {
            diagnostics.Add(new SourceLocation(ProceduresFolder).Error(DefinitionDiagnostics.NotACatalog, $"'{root}' has no '{ProceduresFolder}' folder; a catalog is a folder with procedures/<CODE>/procedure.json."));
            return new CatalogCompilation(root, [], diagnostics);
        }

        // The agency list is read once and shared (it is immutable); its own problems are catalog-level diagnostics.
        var agencies = AgencyDirectory.Load(new CatalogFiles(root, _options.Limits), diagnostics);
        var folders = Directory.GetDirectories(proceduresPath).Order(StringComparer.Ordinal).ToArray();
        var compiled = new ProcedureCompilation[folders.Length];

        // Procedures are independent, so they compile in parallel; each worker reads through its own file cache
        // (parsed JSON trees are not safe to share while they materialise), so shared fragments are parsed once a worker.
        if (folders.Length == 0)
        {
            return new CatalogCompilation(root, [], diagnostics, agencies);
        }

        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, folders.Length, Math.Max(1, folders.Length / (4 * Math.Max(1, _options.MaxDegreeOfParallelism)))),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxDegreeOfParallelism), CancellationToken = cancellationToken },
            range =>
            {
                var files = new CatalogFiles(root, _options.Limits);
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    compiled[i] = CompileFolder(files, folders[i], agencies);
                }
            });
        var results = compiled.ToList();

        foreach (var duplicate in results.Where(r => r.Code.Length > 0).GroupBy(r => r.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            diagnostics.Add(new SourceLocation(duplicate.Last().Folder + "/" + ManifestFileName).Error(
                DefinitionDiagnostics.DuplicateCode,
                $"The code '{duplicate.Key}' is used by {string.Join(" and ", duplicate.Select(d => d.Folder))}."));
        }

        return new CatalogCompilation(root, results, diagnostics, agencies);
    }

    /// <summary>
    /// Compiles one procedure folder. The catalog root (for <c>$ref</c>s to <c>shared/</c> and for diagnostic paths) defaults to
    /// the nearest enclosing catalog (see <see cref="FindCatalogRoot"/>).
    /// </summary>
    public ProcedureCompilation CompileFolder(string procedureFolder, string? catalogRoot = null)
    {
        var folder = Path.GetFullPath(procedureFolder);
        var root = catalogRoot is not null ? Path.GetFullPath(catalogRoot) : FindCatalogRoot(folder);
        var files = new CatalogFiles(root, _options.Limits);
        return CompileFolder(files, folder, AgencyDirectory.Load(files, []));
    }

    /// <summary>
    /// The catalog a procedure folder belongs to: the nearest folder above it that has a <c>procedures/</c> folder
    /// (<c>…/definitions</c> for <c>…/definitions/procedures/X</c>, and for a draft in <c>…/definitions/drafts/X</c>);
    /// the procedure folder itself when it sits in no catalog, so <c>shared/</c> cannot be reached from it.
    /// </summary>
    public static string FindCatalogRoot(string procedureFolder)
    {
        var folder = Path.GetFullPath(procedureFolder).TrimEnd(Path.DirectorySeparatorChar);
        for (var parent = Path.GetDirectoryName(folder); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (Directory.Exists(Path.Combine(parent, ProceduresFolder)))
            {
                return parent;
            }
        }

        return folder;
    }

    private ProcedureCompilation CompileFolder(CatalogFiles files, string folder, AgencyDirectory agencies)
    {
        var relativeFolder = files.ToRelative(folder);
        relativeFolder = relativeFolder == "." ? string.Empty : relativeFolder;
        var diagnostics = new List<Diagnostic>();
        var tests = new List<ProcedureTestCase>();
        var code = Path.GetFileName(folder);
        CompiledProcedure? procedure = null;
        try
        {
            procedure = Compile(files, folder, relativeFolder, agencies, diagnostics, tests, ref code);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not StackOverflowException and not OperationCanceledException)
        {
            // A compiler bug must not take the rest of the catalog down; it is reported like any finding, with the exception's text.
            diagnostics.Add(new SourceLocation(Combine(relativeFolder, ManifestFileName)).Error(
                DefinitionDiagnostics.InternalError,
                $"The compiler failed unexpectedly on this procedure ({ex.GetType().Name}: {ex.Message}); please report it."));
            procedure = null;
        }

        var sorted = diagnostics
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ToArray();
        return new ProcedureCompilation(code, relativeFolder, procedure, sorted, tests);
    }

    private CompiledProcedure? Compile(CatalogFiles files, string folder, string relativeFolder, AgencyDirectory agencies, List<Diagnostic> diagnostics, List<ProcedureTestCase> tests, ref string code)
    {
        var resolver = new JsonRefResolver(files);
        var manifestFile = Combine(relativeFolder, ManifestFileName);
        if (files.IsPresent(manifestFile) && files.ToAbsolute(manifestFile) is null)
        {
            diagnostics.Add(new SourceLocation(manifestFile).Error(DefinitionDiagnostics.OutsideCatalog, $"The folder '{relativeFolder}' leads outside the definitions folder (a link); procedures must live inside it."));
            return null;
        }

        if (!files.Exists(manifestFile))
        {
            diagnostics.Add(new SourceLocation(relativeFolder).Error(DefinitionDiagnostics.ManifestMissing, $"The folder '{relativeFolder}' has no {ManifestFileName}."));
            return null;
        }

        var manifestJson = resolver.Load(manifestFile, null, diagnostics);
        if (diagnostics.Any(d => d.IsError))
        {
            // A manifest whose fragments did not load cannot be trusted further; its own diagnostics say why.
            return null;
        }

        if (manifestJson?.Root is not JsonObject manifestObject)
        {
            if (manifestJson is not null)
            {
                diagnostics.Add(manifestJson.Locate(string.Empty).Error(DefinitionDiagnostics.ManifestInvalid, $"{ManifestFileName} must be a JSON object."));
            }

            return null;
        }

        ManifestSchema.Validate(manifestJson, diagnostics);
        var manifest = ProcedureManifest.Read(manifestObject);
        if (manifest.Code.Length > 0)
        {
            code = manifest.Code;
            if (manifest.Code != Path.GetFileName(folder))
            {
                diagnostics.Add(manifestJson.Locate("/code").Error(DefinitionDiagnostics.CodeMismatch, $"The code '{manifest.Code}' must equal the folder name '{Path.GetFileName(folder)}'."));
            }
        }

        CheckDuplicates(manifestJson, manifest, diagnostics);
        var hash = new ContentHash();
        hash.Add(manifestObject);

        // Form.
        FormDefinition? form = null;
        if (manifest.Parts.Form.Length > 0)
        {
            var before = diagnostics.Count(d => d.IsError);
            var formJson = resolver.Load(Combine(relativeFolder, manifest.Parts.Form), manifestJson.Locate("/parts/form"), diagnostics);
            if (formJson is not null && diagnostics.Count(d => d.IsError) == before)
            {
                form = FormCompiler.Compile(formJson, diagnostics);
                hash.Add(formJson.Root);
            }
        }

        // Rules: typed by the form, so they compile only when the form did.
        CompiledRuleSet? ruleSet = null;
        RuleInputType? inputType = null;
        ResolvedJson? rulesJson = null;
        if (manifest.Parts.Rules.Length > 0)
        {
            var before = diagnostics.Count(d => d.IsError);
            rulesJson = resolver.Load(Combine(relativeFolder, manifest.Parts.Rules), manifestJson.Locate("/parts/rules"), diagnostics);
            rulesJson = diagnostics.Count(d => d.IsError) == before ? rulesJson : null;
            hash.Add(rulesJson?.Root);
        }

        // Workflow.
        ReadOnlyMemory<byte> workflowBytes = default;
        CompiledWorkflow? workflow = null;
        Workflows.Model.WorkflowDocument? workflowDocument = null;
        var workflowFile = string.Empty;
        var workflowOk = false;
        if (manifest.Parts.Workflow.Length > 0)
        {
            workflowFile = Combine(relativeFolder, manifest.Parts.Workflow);
            var workflowJson = resolver.Load(workflowFile, manifestJson.Locate("/parts/workflow"), diagnostics);
            if (workflowJson is not null)
            {
                workflowBytes = workflowJson.Map.HasRefs
                    ? JsonSerializer.SerializeToUtf8Bytes(workflowJson.Root, new JsonSerializerOptions { WriteIndented = true })
                    : files.ReadBytes(workflowFile, null, diagnostics) ?? [];
                hash.Add(workflowJson.Root);
                var context = new WorkflowCompileContext(
                    manifest.Roles.Select(r => r.Id).ToHashSet(StringComparer.Ordinal),
                    _activities,
                    [.. manifest.Parts.Templates.Keys],
                    [.. (rulesJson?.Root as JsonArray ?? []).Select(w => JsonValues.TryGetString(RuleJson.Get(w, "WorkflowName"), out var n) ? n : null).OfType<string>()]);
                try
                {
                    var compiled = WorkflowCompiler.Compile(workflowBytes, workflowFile, context);
                    diagnostics.AddRange(compiled.Diagnostics);
                    workflow = compiled.Workflow;
                    workflowDocument = compiled.Document;
                    workflowOk = compiled.Success;
                }
                catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
                {
                    diagnostics.Add(new SourceLocation(workflowFile).Error(
                        DefinitionDiagnostics.WorkflowCompilerFailed,
                        $"The workflow compiler failed unexpectedly ({ex.GetType().Name}: {ex.Message}); please report it."));
                }
            }
        }

        // Templates.
        var templates = new Dictionary<string, CompiledTemplate>(StringComparer.Ordinal);
        foreach (var (name, file) in manifest.Parts.Templates.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var templateFile = Combine(relativeFolder, file);
            var text = files.ReadText(templateFile, manifestJson.Locate(JsonPointer.Append("/parts/templates", name)), diagnostics);
            if (text is null)
            {
                continue;
            }

            hash.Add(name + "\n" + text);
            var template = TemplateCompiler.Compile(name, templateFile, text, form, diagnostics);
            if (template is not null)
            {
                templates[name] = template;
            }
        }

        // Where dossiers and hand-over tasks go; a unit → agency map is content too, so re-assigning a unit makes a new version.
        ProcedureRouting? routing = null;
        if (form is not null)
        {
            routing = new JurisdictionCompiler(files, agencies, manifest, form, diagnostics)
                .Compile(manifestJson, manifestObject, workflowDocument, workflowFile, new Lazy<JsonLineMap>(() => JsonLineMap.Build(workflowBytes.Span)));
            if (routing is not null && (routing.Handling.FixedCode is null || routing.Tasks.Count > 0))
            {
                hash.Add(routing.Describe());
            }
        }

        var version = manifest.Version.Length > 0 ? manifest.Version : "0.0.0";
        var contentHash = hash.Finish();
        if (form is not null && rulesJson is not null)
        {
            inputType = RuleInputType.For(form);
            ruleSet = RulesCompiler.Compile(rulesJson, inputType, manifest, $"{manifest.Code}@{version}#{contentHash[..12]}:", Rules.Options, diagnostics);
        }

        // Tests are cross-checked but do not decide whether the procedure is served.
        var servingErrors = diagnostics.Any(d => d.IsError);
        if (_options.IncludeTests && manifest.Parts.Tests is { Length: > 0 } testsFolder)
        {
            tests.AddRange(ReadTests(files, resolver, Combine(relativeFolder, testsFolder), manifestJson, form, manifest, ruleSet, workflow, diagnostics));
        }

        if (servingErrors || form is null || ruleSet is null || inputType is null || !workflowOk || routing is null || templates.Count != manifest.Parts.Templates.Count)
        {
            return null;
        }

        try
        {
            Rules.Register(ruleSet.EngineWorkflows);
        }
        catch (Exception ex) when (ex is RulesEngine.Exceptions.RuleValidationException or ArgumentException)
        {
            // RulesEngine validates workflows again on registration; anything it refuses is a rules.json mistake, not a crash.
            diagnostics.Add(rulesJson!.Locate(string.Empty).Error(RuleDiagnostics.Malformed, $"RulesEngine refused the rules: {ex.Message}"));
            return null;
        }

        return new CompiledProcedure(manifest, relativeFolder, contentHash, form, ruleSet, inputType, templates, workflowBytes, workflow, routing, Rules, _options.Templates, _options.Clock);
    }

    private List<ProcedureTestCase> ReadTests(
        CatalogFiles files,
        JsonRefResolver resolver,
        string testsFolder,
        ResolvedJson manifestJson,
        FormDefinition? form,
        ProcedureManifest manifest,
        CompiledRuleSet? ruleSet,
        CompiledWorkflow? workflow,
        List<Diagnostic> diagnostics)
    {
        var cases = new List<ProcedureTestCase>();
        var absolute = files.ToAbsolute(testsFolder);
        if (absolute is null)
        {
            diagnostics.Add(manifestJson.Locate("/parts/tests").Error(DefinitionDiagnostics.OutsideCatalog, $"The tests folder '{testsFolder}' leads outside the definitions folder."));
            return cases;
        }

        if (!Directory.Exists(absolute))
        {
            diagnostics.Add(manifestJson.Locate("/parts/tests").Error(DefinitionDiagnostics.MissingFile, $"The tests folder '{testsFolder}' does not exist."));
            return cases;
        }

        var eligibilityRules = ruleSet?.HasWorkflow(RulesCompiler.Eligibility) == true ? ruleSet.RuleNames(RulesCompiler.Eligibility) : (ruleSet is null ? null : []);
        foreach (var path in Directory.GetFiles(absolute, "*.json").Order(StringComparer.Ordinal).Take(_options.Limits.MaxTestFiles))
        {
            var testJson = resolver.Load(files.ToRelative(path), null, diagnostics);
            if (testJson is not null)
            {
                cases.AddRange(ProcedureTestReader.Read(testJson, form, manifest, eligibilityRules, workflow, diagnostics));
            }
        }

        return cases;
    }

    private static void CheckDuplicates(ResolvedJson manifestJson, ProcedureManifest manifest, List<Diagnostic> diagnostics)
    {
        void Check(IEnumerable<string> ids, string arrayPointer, string what)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var id in ids)
            {
                if (id.Length > 0 && !seen.Add(id))
                {
                    diagnostics.Add(manifestJson.Locate($"{arrayPointer}/{index}/id").Error(DefinitionDiagnostics.DuplicateId, $"Two {what} have the id '{id}'."));
                }

                index++;
            }
        }

        Check(manifest.Attachments.Select(a => a.Id), "/attachments", "attachments");
        Check(manifest.Roles.Select(r => r.Id), "/roles", "roles");
    }

    private static string Combine(string folder, string file) => folder.Length == 0 ? file.Replace('\\', '/') : folder + "/" + file.Replace('\\', '/');

    /// <summary>Hashes parts in a fixed order as compact JSON text, so whitespace-only edits of JSON parts keep the hash.</summary>
    private sealed class ContentHash
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public void Add(JsonNode? node) => Add(node?.ToJsonString() ?? "null");

        public void Add(string text)
        {
            _hash.AppendData(Encoding.UTF8.GetBytes(text));
            _hash.AppendData([0]);
        }

        public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());
    }
}
