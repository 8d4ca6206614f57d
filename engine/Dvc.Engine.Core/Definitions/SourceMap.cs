namespace Dvc.Engine.Core.Definitions;

/// <summary>
/// Maps pointers in a part after <c>$ref</c>s were inlined back to the file and pointer they came from,
/// so a diagnostic inside a shared fragment names the fragment's file and line.
/// Only the points where the origin changes are stored; everything below one keeps its relative path.
/// </summary>
internal sealed class SourceMap
{
    private readonly Dictionary<string, (string File, string Pointer)> _boundaries = new(StringComparer.Ordinal);
    private readonly Func<string, JsonLineMap> _lineMaps;

    internal SourceMap(string file, Func<string, JsonLineMap> lineMaps)
    {
        _lineMaps = lineMaps;
        _boundaries[string.Empty] = (file, string.Empty);
    }

    /// <summary>True when some value came from another file through a <c>$ref</c>.</summary>
    public bool HasRefs => _boundaries.Values.Any(b => b.File != File);

    /// <summary>The file the part itself was read from.</summary>
    public string File => _boundaries[string.Empty].File;

    internal void AddBoundary(string resolvedPointer, string file, string originPointer) =>
        _boundaries[resolvedPointer] = (file, originPointer);

    /// <summary>The origin of the value at <paramref name="resolvedPointer"/> with its line and column.</summary>
    public SourceLocation Locate(string resolvedPointer)
    {
        var prefix = resolvedPointer;
        while (true)
        {
            if (_boundaries.TryGetValue(prefix, out var origin))
            {
                var pointer = origin.Pointer + resolvedPointer[prefix.Length..];
                var (line, column) = _lineMaps(origin.File).Find(pointer);
                return new SourceLocation(origin.File, pointer, line, column);
            }

            prefix = JsonPointer.Parent(prefix);
        }
    }
}
