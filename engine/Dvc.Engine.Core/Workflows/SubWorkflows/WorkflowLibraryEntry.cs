using System.Security.Cryptography;
using Dvc.Engine.Core.Workflows.Model;

namespace Dvc.Engine.Core.Workflows.SubWorkflows;

/// <summary>
/// One workflow definition version another workflow may call: read once for its identity (definition id, version id,
/// version, type name) and kept as bytes, so each compilation parses its own copy (parsed trees are not shared across
/// threads).
/// </summary>
public sealed class WorkflowLibraryEntry
{
    internal WorkflowLibraryEntry(string file, ReadOnlyMemory<byte> json, WorkflowDocument document)
    {
        File = file;
        Json = json;
        DefinitionId = document.DefinitionId ?? document.Id ?? Path.GetFileNameWithoutExtension(file);
        VersionId = document.Id ?? DefinitionId + ":" + document.Version;
        Version = document.Version;
        Name = document.Name ?? DefinitionId;
        TypeName = Pascalize(Name);
        UsableAsActivity = document.UsableAsActivity;
        ContentHash = Convert.ToHexStringLower(SHA256.HashData(json.Span))[..16];
    }

    /// <summary>The file it was read from, relative to the catalog root (or as given).</summary>
    public string File { get; }

    /// <summary>The file's bytes.</summary>
    public ReadOnlyMemory<byte> Json { get; }

    /// <summary><c>definitionId</c>: what <c>Elsa.ExecuteWorkflow</c> and <c>workflowDefinitionId</c> name.</summary>
    public string DefinitionId { get; }

    /// <summary><c>id</c>: the version id a workflow-as-activity pins with <c>workflowDefinitionVersionId</c>.</summary>
    public string VersionId { get; }

    /// <summary><c>version</c>.</summary>
    public int Version { get; }

    /// <summary><c>name</c>.</summary>
    public string Name { get; }

    /// <summary>The activity type name Elsa gives the definition when it is usable as an activity: its name, PascalCased.</summary>
    public string TypeName { get; }

    /// <summary><c>options.usableAsActivity</c>.</summary>
    public bool UsableAsActivity { get; }

    /// <summary>The first 16 hex digits of the file's SHA-256: what a dossier pins besides the version.</summary>
    public string ContentHash { get; }

    /// <summary>The pin a dossier records when it runs this version.</summary>
    public SubWorkflowPin Pin => new(DefinitionId, VersionId, Version, ContentHash, File);

    /// <summary>
    /// Elsa's type name for a workflow used as an activity (Humanizer's <c>Pascalize</c>): the first letter and every
    /// letter after a space or underscore upper-cased, the spaces and underscores dropped ("Subworkflow test" → "SubworkflowTest").
    /// </summary>
    public static string Pascalize(string name)
    {
        var result = new System.Text.StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (c is ' ' or '_')
            {
                upper = true;
                continue;
            }

            result.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return result.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({DefinitionId} v{Version}, {File})";
}

/// <summary>
/// Which version of a sub-workflow a workflow instance runs: recorded in the instance state when it starts, so a resume
/// after the catalog moved on is checked against the versions the dossier started with.
/// </summary>
/// <param name="DefinitionId">The called definition.</param>
/// <param name="VersionId">Its version id.</param>
/// <param name="Version">Its version number.</param>
/// <param name="ContentHash">The first 16 hex digits of the SHA-256 of its file.</param>
/// <param name="File">Where it was read from, relative to the catalog root.</param>
public sealed record SubWorkflowPin(string DefinitionId, string VersionId, int Version, string ContentHash, string File);
