using System.Text.Json.Nodes;

namespace Dvc.Designer.Drafts;

/// <summary>
/// A draft open in the editor: every file's text, with procedure.json, the form schema and rules.json also held as JSON
/// trees that the builders change in place. <see cref="Commit"/> writes a changed tree back to its file, so files the
/// admin did not touch keep their exact text.
/// </summary>
public sealed class ProcedureDocument
{
    private readonly SortedDictionary<string, string> _files;

    private ProcedureDocument(string code, SortedDictionary<string, string> files)
    {
        Code = code;
        _files = files;
        Reparse();
    }

    public string Code { get; }

    public IReadOnlyDictionary<string, string> Files => _files;

    /// <summary>procedure.json; null while its text is not a JSON object.</summary>
    public JsonObject? Manifest { get; private set; }

    /// <summary>The form schema; null while its text is not a JSON object.</summary>
    public JsonObject? Form { get; private set; }

    /// <summary>rules.json; null while its text is not a JSON array.</summary>
    public JsonArray? Rules { get; private set; }

    public string FormFile => Part("form", "form.schema.json");

    public string RulesFile => Part("rules", "rules.json");

    public string WorkflowFile => Part("workflow", "workflow.json");

    public string TestsFolder => Part("tests", "tests");

    public IEnumerable<string> TestFiles => _files.Keys.Where(k => k.StartsWith(TestsFolder + "/", StringComparison.Ordinal) && k.EndsWith(".json", StringComparison.Ordinal));

    public IEnumerable<string> TemplateFiles => (Manifest?["parts"]?["templates"] as JsonObject)?.Select(t => t.Value?.ToString()).OfType<string>() ?? [];

    public static ProcedureDocument Load(string code, IReadOnlyDictionary<string, string> files) =>
        new(code, new SortedDictionary<string, string>(files.ToDictionary(f => f.Key, f => f.Value), StringComparer.Ordinal));

    public string? Text(string path) => _files.GetValueOrDefault(path);

    /// <summary>Replaces a file's text (the text view, a test case); the JSON parts are read again.</summary>
    public void SetText(string path, string? text)
    {
        if (!ProcedureFiles.IsSafePath(path))
        {
            throw new ArgumentException($"'{path}' is not a file a procedure folder may hold.", nameof(path));
        }

        if (text is null)
        {
            _files.Remove(path);
        }
        else
        {
            _files[path] = text;
        }

        Reparse();
    }

    /// <summary>Writes the JSON trees the builders changed back to their files.</summary>
    public void Commit()
    {
        Write(ProcedureFiles.Manifest, Manifest);
        Write(FormFile, Form);
        Write(RulesFile, Rules);
    }

    public void ReplaceAll(IReadOnlyDictionary<string, string> files)
    {
        _files.Clear();
        foreach (var (path, text) in files)
        {
            _files[path] = text;
        }

        Reparse();
    }

    public SortedDictionary<string, string> Snapshot() => new(_files, StringComparer.Ordinal);

    private void Write(string path, JsonNode? node)
    {
        if (node is null)
        {
            return;
        }

        var text = ProcedureFiles.Write(node);
        // Unchanged trees keep their file's exact text (formatting, key order as written by hand).
        if (_files.TryGetValue(path, out var old) && ProcedureFiles.TryParse(old) is { } parsed && JsonNode.DeepEquals(parsed, node))
        {
            return;
        }

        _files[path] = text;
    }

    private string Part(string name, string fallback) =>
        Manifest?["parts"]?[name] is JsonValue v && v.TryGetValue<string>(out var file) && file.Length > 0 ? file : fallback;

    private void Reparse()
    {
        Manifest = ProcedureFiles.TryParse(_files.GetValueOrDefault(ProcedureFiles.Manifest)) as JsonObject;
        Form = ProcedureFiles.TryParse(_files.GetValueOrDefault(FormFile)) as JsonObject;
        Rules = ProcedureFiles.TryParse(_files.GetValueOrDefault(RulesFile)) as JsonArray;
    }
}
