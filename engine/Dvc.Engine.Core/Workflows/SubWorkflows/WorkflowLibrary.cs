using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Workflows.Model;
using Dvc.Engine.Core.Workflows.Serialization;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.SubWorkflows;

/// <summary>
/// The workflow definitions a workflow may call with <c>Elsa.ExecuteWorkflow</c> or use as activities: the catalog's
/// <c>shared/workflows/*.json</c> and a procedure's own <c>workflows/*.json</c> (which shadow shared ones with the same
/// definition id). Several versions of one definition may sit side by side; a call pins one of them at compile time.
/// </summary>
public sealed class WorkflowLibrary
{
    /// <summary>The folder of shared workflows under the catalog root.</summary>
    public const string SharedFolder = "shared/workflows";

    /// <summary>The folder of a procedure's own sub-workflows, under its folder.</summary>
    public const string ProcedureFolder = "workflows";

    private readonly List<WorkflowLibraryEntry> _entries;

    private WorkflowLibrary(List<WorkflowLibraryEntry> entries)
    {
        _entries = entries;
    }

    /// <summary>A library with nothing in it.</summary>
    public static WorkflowLibrary Empty { get; } = new([]);

    /// <summary>Every definition version, in load order.</summary>
    public IReadOnlyList<WorkflowLibraryEntry> Entries => _entries;

    /// <summary>
    /// Reads workflow files. A file that is not a workflow definition, or a second file with a definition id and version
    /// already read, is reported and left out.
    /// </summary>
    public static WorkflowLibrary Create(IEnumerable<(string File, ReadOnlyMemory<byte> Json)> files, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var entries = new List<WorkflowLibraryEntry>();
        foreach (var (file, json) in files)
        {
            var bag = new DiagnosticBag(file, JsonLineMap.Build(json.Span));
            var root = WorkflowReader.Parse(json, bag);
            var document = root is null ? null : WorkflowReader.Read(root, bag);
            if (document is null)
            {
                foreach (var diagnostic in bag.Items)
                {
                    diagnostics.Add(diagnostic);
                }

                continue;
            }

            var entry = new WorkflowLibraryEntry(file, json, document);
            if (entries.Find(e => e.DefinitionId == entry.DefinitionId && e.Version == entry.Version) is { } first)
            {
                diagnostics.Add(new SourceLocation(file).Error(
                    WorkflowDiagnostics.DuplicateWorkflowDefinition,
                    $"Workflow definition '{entry.DefinitionId}' version {entry.Version} is also in '{first.File}'; this file is ignored."));
                continue;
            }

            entries.Add(entry);
        }

        return new WorkflowLibrary(entries);
    }

    /// <summary>Reads every <c>*.json</c> of <paramref name="folder"/> (when it exists), naming files <paramref name="prefix"/>/name.</summary>
    public static WorkflowLibrary FromDirectory(string folder, string prefix, ICollection<Diagnostic> diagnostics)
    {
        if (!Directory.Exists(folder))
        {
            return Empty;
        }

        var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(path => (prefix.Length == 0 ? Path.GetFileName(path) : prefix + "/" + Path.GetFileName(path), (ReadOnlyMemory<byte>)File.ReadAllBytes(path)));
        return Create(files, diagnostics);
    }

    /// <summary>This library with <paramref name="local"/>'s definitions in front: a local definition hides every shared version of its id.</summary>
    public WorkflowLibrary With(WorkflowLibrary local)
    {
        ArgumentNullException.ThrowIfNull(local);
        if (local._entries.Count == 0)
        {
            return this;
        }

        var hidden = local._entries.Select(e => e.DefinitionId).ToHashSet(StringComparer.Ordinal);
        return new WorkflowLibrary([.. local._entries, .. _entries.Where(e => !hidden.Contains(e.DefinitionId))]);
    }

    /// <summary>The highest version of a definition, or null.</summary>
    public WorkflowLibraryEntry? FindLatest(string definitionId) =>
        _entries.Where(e => e.DefinitionId == definitionId).MaxBy(e => e.Version);

    /// <summary>
    /// The definition a workflow-as-activity names, resolved as Elsa's activity reader does: the pinned version id,
    /// else the type name at the activity's version, else the type name's latest version, else the definition id's latest version.
    /// </summary>
    public WorkflowLibraryEntry? FindActivity(string type, int? version, string? definitionId, string? versionId)
    {
        var usable = _entries.Where(e => e.UsableAsActivity).ToList();
        return (versionId is null ? null : usable.Find(e => e.VersionId == versionId))
            ?? (version is null ? null : usable.Find(e => e.TypeName == type && e.Version == version))
            ?? usable.Where(e => e.TypeName == type).MaxBy(e => e.Version)
            ?? (definitionId is null ? null : usable.Where(e => e.DefinitionId == definitionId).MaxBy(e => e.Version));
    }

    /// <summary>
    /// Palette descriptors of the definitions usable as activities (latest version of each): inputs, outputs and outcomes
    /// as declared by the definition.
    /// </summary>
    public IReadOnlyList<ActivityDescriptor> Descriptors()
    {
        var list = new List<ActivityDescriptor>();
        foreach (var entry in _entries.Where(e => e.UsableAsActivity).GroupBy(e => e.DefinitionId).Select(g => g.MaxBy(e => e.Version)!))
        {
            var bag = new DiagnosticBag(entry.File, JsonLineMap.Empty);
            if (WorkflowReader.Parse(entry.Json, bag) is { } root && WorkflowReader.Read(root, bag) is { } document)
            {
                list.Add(Describe(entry, document));
            }
        }

        return list;
    }

    internal static ActivityDescriptor Describe(WorkflowLibraryEntry entry, WorkflowDocument document) => new(
        entry.TypeName,
        entry.Name,
        entry.Name,
        document.ActivityCategory ?? "Workflows",
        JsonLookup.GetString(document.Json, "description"),
        "account_tree",
        [.. document.Inputs.Select((i, n) => new InputDescriptor(ActivityDescriptor.CamelCase(i.Name), i.ConversionType, i.DisplayName, i.DisplayName, i.Description, UiHints.Expression, n, null))],
        [.. document.Outputs.Select(o => new OutputDescriptor(ActivityDescriptor.CamelCase(o.Name), o.ConversionType, o.DisplayName, o.Description))],
        // As Elsa Studio draws it: the declared outcomes are the ports, Done when none is declared.
        document.Outcomes.Count > 0 ? document.Outcomes : ["Done"]);
}
