using Dvc.Designer.Drafts;
using Dvc.Engine.Core.Definitions;

namespace Dvc.Designer.Problems;

public enum TargetKind
{
    General,
    Field,
    Section,
    Rule,
    Attachment,
    Test,
    File,
}

/// <summary>
/// Where a problem points, in the designer's terms (as Camunda's problems panel does): the field, rule, attachment or
/// file line it names, and the property inside it (<c>x-ui/label</c>, <c>Expression</c>), so a click selects exactly that.
/// </summary>
public sealed record ProblemTarget(TargetKind Kind, string File, string? Element, string? Workflow, string Property, int Line, int Column)
{
    /// <summary>The property to select when a diagnostic points at the whole element (a missing label, reason, amount).</summary>
    private static string DefaultProperty(string code) => code switch
    {
        "DVC-FORM-004" => "x-ui/label",
        "DVC-FORM-006" => "x-ui/visibleWhen",
        "DVC-FORM-008" => "enum",
        "DVC-FORM-009" => "pattern",
        "DVC-RULE-002" or "DVC-RULE-003" or "DVC-RULE-004" => "Expression",
        "DVC-RULE-005" => "Properties/reason",
        "DVC-RULE-006" or "DVC-RULE-007" or "DVC-RULE-012" => "Properties/amount",
        "DVC-RULE-008" => "Properties/attachment",
        "DVC-RULE-011" => "Properties/label",
        _ => "",
    };

    /// <summary>Maps a compiler diagnostic (file relative to the catalog root, JSON pointer) onto the open draft.</summary>
    public static ProblemTarget For(Diagnostic diagnostic, ProcedureDocument document)
    {
        var prefix = "procedures/" + document.Code + "/";
        var file = diagnostic.File.StartsWith(prefix, StringComparison.Ordinal) ? diagnostic.File[prefix.Length..] : diagnostic.File;
        var tokens = (Dvc.Engine.Core.Definitions.JsonPointer.Parse(diagnostic.JsonPointer) ?? []).ToList();
        ProblemTarget At(TargetKind kind, string? element = null, string? workflow = null, string property = "") =>
            new(kind, file, element, workflow, property.Length > 0 ? property : DefaultProperty(diagnostic.Code), diagnostic.Line, diagnostic.Column);

        if (file == document.FormFile)
        {
            if (tokens.Count >= 3 && tokens[0] == "x-ui" && tokens[1] == "sections")
            {
                return At(TargetKind.Section, tokens[2], property: string.Join('/', tokens.Skip(3)));
            }

            var path = new List<string>();
            var i = 0;
            while (i < tokens.Count)
            {
                if (tokens[i] == "properties" && i + 1 < tokens.Count)
                {
                    path.Add(tokens[i + 1]);
                    i += 2;
                }
                else if (tokens[i] == "items")
                {
                    path.Add("*");
                    i++;
                }
                else
                {
                    break;
                }
            }

            while (path.Count > 0 && path[^1] == "*")
            {
                path.RemoveAt(path.Count - 1);
            }

            // A pointer at the form's root (its required list, its type) stands for the whole form.
            return path.Count == 0
                ? At(TargetKind.General, property: "form")
                : At(TargetKind.Field, string.Join('/', path), property: string.Join('/', tokens.Skip(i)));
        }

        if (file == document.RulesFile && tokens.Count >= 1 && int.TryParse(tokens[0], out var w) && document.Rules is { } rules && w < rules.Count)
        {
            var workflow = rules[w]?["WorkflowName"]?.ToString();
            if (tokens.Count >= 3 && tokens[1] == "Rules" && int.TryParse(tokens[2], out var r) && rules[w]?["Rules"] is System.Text.Json.Nodes.JsonArray list && r < list.Count)
            {
                return At(TargetKind.Rule, list[r]?["RuleName"]?.ToString(), workflow, string.Join('/', tokens.Skip(3)));
            }

            return At(TargetKind.Rule, null, workflow);
        }

        if (file == ProcedureFiles.Manifest)
        {
            if (tokens.Count >= 2 && tokens[0] == "attachments")
            {
                return At(TargetKind.Attachment, tokens[1], property: string.Join('/', tokens.Skip(2)));
            }

            return At(TargetKind.General, property: string.Join('/', tokens));
        }

        if (file.StartsWith(document.TestsFolder + "/", StringComparison.Ordinal))
        {
            return At(TargetKind.Test, file);
        }

        return At(TargetKind.File, file);
    }
}
