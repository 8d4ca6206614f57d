using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;

namespace Dvc.Engine.Core.Tests.Fixtures;

/// <summary>
/// A private copy of the fixture catalog (Fixtures/definitions: shared fragments + the valid HN-TEST-001 procedure) in a
/// temp folder, so a test can break one thing and compile. Deleted on dispose.
/// </summary>
public sealed class FixtureCatalog : IDisposable
{
    public const string Code = "HN-TEST-001";
    public const string ProcedureFolder = "procedures/" + Code;

    /// <param name="source">The catalog to copy; the fixture catalog when null (<see cref="Repository.Definitions"/> for the shipped one).</param>
    public FixtureCatalog(string? source = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "dvc-tests", Guid.NewGuid().ToString("N"));
        Copy(source ?? Path.Combine(AppContext.BaseDirectory, "Fixtures", "definitions"), Root);
    }

    public string Root { get; }

    public string ProcedurePath => Path.Combine(Root, "procedures", Code);

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public void Write(string relative, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), text);
    }

    public void Delete(string relative) => File.Delete(PathOf(relative));

    /// <summary>Edits a JSON file of the procedure (path relative to the procedure folder) as a node tree.</summary>
    public void EditJson(string relativeToProcedure, Action<JsonNode> edit)
    {
        var path = ProcedureFolder + "/" + relativeToProcedure;
        var node = JsonNode.Parse(Read(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        edit(node);
        Write(path, node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    /// <summary>Replaces exactly one occurrence of <paramref name="find"/> in a procedure file, keeping the rest byte for byte (so lines stay put).</summary>
    public void Replace(string relativeToProcedure, string find, string replacement)
    {
        var path = ProcedureFolder + "/" + relativeToProcedure;
        var text = Read(path);
        var index = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{find}' not found in {path}");
        Assert.True(text.IndexOf(find, index + find.Length, StringComparison.Ordinal) < 0, $"'{find}' occurs more than once in {path}");
        Write(path, text[..index] + replacement + text[(index + find.Length)..]);
    }

    /// <summary>1-based line of the first line containing <paramref name="text"/> in a catalog file.</summary>
    public int LineOf(string relative, string text)
    {
        var lines = File.ReadAllLines(PathOf(relative));
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{text}' not found in {relative}");
        return index + 1;
    }

    public ProcedureCompilation Compile(ProcedureCompiler? compiler = null) =>
        (compiler ?? new ProcedureCompiler()).CompileFolder(ProcedurePath);

    public CompiledProcedure CompileValid()
    {
        var compilation = Compile();
        Assert.Empty(compilation.Diagnostics);
        return Assert.IsType<CompiledProcedure>(compilation.Procedure);
    }

    /// <summary>A second procedure in the catalog: a copy of the fixture under another code.</summary>
    public void AddCopy(string code)
    {
        Copy(ProcedurePath, Path.Combine(Root, "procedures", code));
        var manifest = PathOf($"procedures/{code}/procedure.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace(Code, code, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failed test is not worth hiding behind a cleanup error.
        }
    }

    /// <summary>Copies a folder's files (and sub-folders) into <paramref name="to"/>.</summary>
    internal static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
