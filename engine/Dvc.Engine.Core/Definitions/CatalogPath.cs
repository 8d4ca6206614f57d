namespace Dvc.Engine.Core.Definitions;

/// <summary>
/// The one containment check for paths a definition names (parts, templates, tests, <c>$ref</c>, unit lists): the path is
/// made absolute, every symbolic link on the way is resolved as the kernel would, and the real path must lie inside the
/// real catalog root. Definitions are untrusted, so the check is on the resolved path, never on the text of the path
/// (a pattern on the text missed <c>"\n../../etc/passwd"</c>, and no pattern sees a link).
/// Callers read the returned path, not the one they were given, so what was checked is what is opened.
/// </summary>
public static class CatalogPath
{
    // Linux gives up after 40 links in one lookup (ELOOP); a loop of links ends there too.
    private const int MaxLinks = 40;

    /// <summary>
    /// The real full path of <paramref name="path"/> (absolute, or relative to <paramref name="root"/>), or null when it
    /// leads outside the real root, loops, or is not a path at all (NUL characters, too long).
    /// The file need not exist: a missing file inside the root resolves, so the caller can say it is missing.
    /// </summary>
    public static string? Resolve(string root, string path)
    {
        var realRoot = RealPath(root);
        if (realRoot is null)
        {
            return null;
        }

        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(realRoot, path));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }

        // Lexically outside already (".." past the root): no need to look at the disk.
        if (!IsInside(realRoot, full))
        {
            return null;
        }

        var real = RealPath(full);
        return real is not null && IsInside(realRoot, real) ? real : null;
    }

    /// <summary>The root itself with its links resolved, so paths under it compare with <see cref="Resolve"/>'s results.</summary>
    public static string RealRoot(string root) => RealPath(root) ?? Path.GetFullPath(root);

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or below it (both full, normalised).</summary>
    public static bool IsInside(string root, string path)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(root);
        var prefix = Path.EndsInDirectorySeparator(trimmed) ? trimmed : trimmed + Path.DirectorySeparatorChar;
        return string.Equals(path, trimmed, StringComparison.Ordinal) || path.StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>
    /// Walks <paramref name="path"/> from the file-system root one name at a time, replacing each link by its target
    /// (relative targets count from the link's folder) and applying ".." to the real folder reached so far.
    /// </summary>
    private static string? RealPath(string path)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }

        var current = Path.GetPathRoot(full)!;
        var pending = new List<string>(Names(full, current));
        var links = 0;
        while (pending.Count > 0)
        {
            var name = pending[0];
            pending.RemoveAt(0);
            if (name == ".")
            {
                continue;
            }

            if (name == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, name);
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                return null;
            }

            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            var absolute = Path.IsPathRooted(target) ? target : Path.Join(current, target);
            var targetRoot = Path.GetPathRoot(absolute)!;
            pending.InsertRange(0, Names(absolute, targetRoot));
            current = targetRoot;
        }

        return current;
    }

    private static string[] Names(string path, string root) =>
        path[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
