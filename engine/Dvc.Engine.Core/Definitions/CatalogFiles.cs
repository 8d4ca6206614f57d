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

    public CatalogFiles(string root, DefinitionLimits limits)
    {
        Root = Path.GetFullPath(root);
        Limits = limits;
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public string Root { get; }

    public DefinitionLimits Limits { get; }

    public string ToRelative(string absolutePath) => Path.GetRelativePath(Root, absolutePath).Replace('\\', '/');

    public string ToAbsolute(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));

    /// <summary>Normalises <paramref name="path"/> (relative to <paramref name="baseDirectory"/>, itself relative to the root); null when it leaves the root.</summary>
    public string? Combine(string baseDirectory, string path)
    {
        var absolute = Path.GetFullPath(Path.Combine(Root, baseDirectory, path));
        var rootWithSlash = Root.EndsWith(Path.DirectorySeparatorChar) ? Root : Root + Path.DirectorySeparatorChar;
        return absolute.StartsWith(rootWithSlash, StringComparison.Ordinal) ? ToRelative(absolute) : null;
    }

    public bool Exists(string relativePath) => File.Exists(ToAbsolute(relativePath));

    /// <summary>Reads bytes after checking existence and size; the diagnostic for a missing file goes to <paramref name="referencedAt"/>.</summary>
    public byte[]? ReadBytes(string relativePath, SourceLocation? referencedAt, ICollection<Diagnostic> diagnostics)
    {
        var info = new FileInfo(ToAbsolute(relativePath));
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
                diagnostics.Add(referencedAt.Error(DefinitionDiagnostics.MissingFile, $"The file '{relativePath}' does not exist."));
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
            return new ParsedFile(relativePath, bytes, root);
        }
        catch (JsonException ex)
        {
            diagnostics.Add(MalformedJson(relativePath, ex));
            return null;
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
