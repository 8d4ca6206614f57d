using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Definitions;

/// <summary>
/// Reads files under one catalog root with the size and depth limits, caching each parsed file once per load.
/// Paths handed out are relative to the root with forward slashes, as diagnostics show them.
/// </summary>
internal sealed class CatalogFiles
{
    private readonly Dictionary<string, ParsedFile?> _json = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonLineMap> _lineMaps = new(StringComparer.Ordinal);
    private readonly string _givenRoot;

    public CatalogFiles(string root, DefinitionLimits limits)
    {
        _givenRoot = Path.GetFullPath(root);
        Root = CatalogPath.RealRoot(root);
        Limits = limits;
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The catalog folder with its links resolved: every file read must lie under it.</summary>
    public string Root { get; }

    public DefinitionLimits Limits { get; }

    /// <summary>A path under the root (as given, or with its links resolved) relative to it, with forward slashes.</summary>
    public string ToRelative(string absolutePath) =>
        Path.GetRelativePath(!CatalogPath.IsInside(Root, absolutePath) && CatalogPath.IsInside(_givenRoot, absolutePath) ? _givenRoot : Root, absolutePath).Replace('\\', '/');

    /// <summary>The real full path of a catalog file (links resolved), or null when it is not inside the catalog.</summary>
    public string? ToAbsolute(string relativePath) => CatalogPath.Resolve(Root, relativePath);

    /// <summary>
    /// Normalises <paramref name="path"/> (relative to <paramref name="baseDirectory"/>, itself relative to the root); null when
    /// it leaves the root as written. Links are only looked at when the file is read (<see cref="ToAbsolute"/>).
    /// </summary>
    public string? Combine(string baseDirectory, string path)
    {
        try
        {
            var absolute = Path.GetFullPath(Path.Combine(Root, baseDirectory, path));
            return CatalogPath.IsInside(Root, absolute) ? ToRelative(absolute) : null;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>True when something answers to the path as written, even a link that leads out (reading it then says so).</summary>
    public bool IsPresent(string relativePath)
    {
        try
        {
            return File.Exists(Path.Combine(Root, relativePath));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
    }

    public bool Exists(string relativePath) => ToAbsolute(relativePath) is { } path && File.Exists(path);

    /// <summary>
    /// Reads bytes after checking containment, existence and size; the diagnostic for a path outside the catalog or a
    /// missing file goes to <paramref name="referencedAt"/>.
    /// </summary>
    public byte[]? ReadBytes(string relativePath, SourceLocation? referencedAt, ICollection<Diagnostic> diagnostics)
    {
        if (ToAbsolute(relativePath) is not { } path)
        {
            var at = referencedAt ?? new SourceLocation(relativePath);
            diagnostics.Add(at.Error(DefinitionDiagnostics.OutsideCatalog, $"The path '{Printable(relativePath)}' leads outside the definitions folder (through '..', an absolute path or a link); every part must be a file inside it."));
            return null;
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            var at = referencedAt ?? new SourceLocation(relativePath);
            diagnostics.Add(at.Error(DefinitionDiagnostics.MissingFile, $"The file '{relativePath}' does not exist."));
            return null;
        }

        if (info.Length > Limits.MaxFileBytes)
        {
            diagnostics.Add(new SourceLocation(relativePath).Error(
                DefinitionDiagnostics.FileTooLarge,
                $"The file is {info.Length / (1024.0 * 1024.0):0.#} MB; files larger than {Limits.MaxFileBytes / (1024.0 * 1024.0):0.#} MB are not accepted. Split it or move data out of the definition."));
            return null;
        }

        try
        {
            // Editors on Windows save UTF-8 with a byte-order mark; every part (JSON and templates) accepts one.
            var bytes = File.ReadAllBytes(info.FullName);
            return bytes.AsSpan().StartsWith(Utf8Bom) ? bytes[Utf8Bom.Length..] : bytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new SourceLocation(relativePath).Error(DefinitionDiagnostics.UnreadableFile, $"The file could not be read: {ex.Message}"));
            return null;
        }
    }

    public string? ReadText(string relativePath, SourceLocation? referencedAt, ICollection<Diagnostic> diagnostics)
    {
        var bytes = ReadBytes(relativePath, referencedAt, diagnostics);
        return bytes is null ? null : new UTF8Encoding(false).GetString(bytes);
    }

    /// <summary>Reads and parses a JSON file once; null (with a diagnostic) when missing, too large or malformed.</summary>
    public ParsedFile? ReadJson(string relativePath, SourceLocation? referencedAt, ICollection<Diagnostic> diagnostics)
    {
        if (_json.TryGetValue(relativePath, out var cached))
        {
            if (cached is null && referencedAt is not null && !Exists(relativePath))
            {
                diagnostics.Add(ToAbsolute(relativePath) is null
                    ? referencedAt.Error(DefinitionDiagnostics.OutsideCatalog, $"The path '{Printable(relativePath)}' leads outside the definitions folder.")
                    : referencedAt.Error(DefinitionDiagnostics.MissingFile, $"The file '{relativePath}' does not exist."));
            }

            return cached;
        }

        var bytes = ReadBytes(relativePath, referencedAt, diagnostics);
        var parsed = bytes is null ? null : Parse(relativePath, bytes, diagnostics);
        _json[relativePath] = parsed;
        return parsed;
    }

    public ParsedFile? Parse(string relativePath, byte[] bytes, ICollection<Diagnostic> diagnostics)
    {
        try
        {
            var root = JsonNode.Parse(
                bytes,
                new JsonNodeOptions { PropertyNameCaseInsensitive = false },
                new JsonDocumentOptions { MaxDepth = Limits.MaxJsonDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false });
            if (InvalidText(root, string.Empty) is { } pointer)
            {
                // The parser accepts an escaped lone surrogate ("\ud800") but no reader can take the text out later.
                diagnostics.Add(new Diagnostic(
                    DefinitionDiagnostics.MalformedJson,
                    DiagnosticSeverity.Error,
                    $"The file has text that is not valid Unicode (a lone surrogate such as \\ud800) at {(pointer.Length == 0 ? "its root" : pointer)}.",
                    relativePath,
                    pointer,
                    0,
                    0));
                return null;
            }

            return new ParsedFile(relativePath, bytes, root);
        }
        catch (JsonException ex)
        {
            diagnostics.Add(MalformedJson(relativePath, ex));
            return null;
        }
    }

    /// <summary>The pointer of the first key or string value that is not valid UTF-16; null when all text is.</summary>
    private static string? InvalidText(JsonNode? node, string pointer)
    {
        try
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        if (InvalidText(value, JsonPointer.Append(pointer, key)) is { } inner)
                        {
                            return inner;
                        }
                    }

                    return null;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (InvalidText(array[i], JsonPointer.Append(pointer, i)) is { } inner)
                        {
                            return inner;
                        }
                    }

                    return null;
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    _ = value.GetValue<string>();
                    return null;
                default:
                    return null;
            }
        }
        catch (InvalidOperationException)
        {
            return pointer;
        }
    }

    /// <summary>Turns a parser error into a diagnostic at its line and column, without the parser's internal path syntax.</summary>
    public static Diagnostic MalformedJson(string relativePath, JsonException ex)
    {
        var line = (int)(ex.LineNumber ?? -1) + 1;
        var column = (int)(ex.BytePositionInLine ?? -1) + 1;
        var detail = ex.Message;
        var cut = detail.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
        {
            detail = detail[..cut];
        }

        cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            detail = detail[..cut];
        }

        return new Diagnostic(
            DefinitionDiagnostics.MalformedJson,
            DiagnosticSeverity.Error,
            $"The file is not valid JSON: {detail.TrimEnd(' ', '|')}",
            relativePath,
            string.Empty,
            Math.Max(line, 0),
            Math.Max(column, 0));
    }

    /// <summary>A path as a message can show it: control characters (a newline hiding "..") made visible.</summary>
    private static string Printable(string path) =>
        string.Concat(path.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    public JsonLineMap LineMap(string relativePath)
    {
        if (_lineMaps.TryGetValue(relativePath, out var map))
        {
            return map;
        }

        map = _json.TryGetValue(relativePath, out var parsed) && parsed is not null ? JsonLineMap.Build(parsed.Bytes) : JsonLineMap.Empty;
        _lineMaps[relativePath] = map;
        return map;
    }

    internal sealed record ParsedFile(string RelativePath, byte[] Bytes, JsonNode? Root);
}
