using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Dvc.Designer.Drafts;

namespace Dvc.Engine.Server.Designer;

/// <summary>
/// Between the stored bundle (files by path under definitions/, shared fragments included) and a draft (the procedure
/// folder's files only), and the two exchange forms: one JSON document and a zipped folder.
/// </summary>
internal static class BundleFiles
{
    /// <summary>The procedure folder's files of a bundle, relative to the folder; shared fragments are left out.</summary>
    public static SortedDictionary<string, string> FolderFiles(string bundleJson)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (ProcedureFiles.TryParse(bundleJson) is not JsonObject bundle || bundle["files"] is not JsonObject all)
        {
            return files;
        }

        var folder = (bundle["folder"]?.ToString() ?? "").TrimEnd('/') + "/";
        foreach (var (path, text) in all)
        {
            if (path.StartsWith(folder, StringComparison.Ordinal) && text is JsonValue v && v.TryGetValue<string>(out var content) && ProcedureFiles.IsSafePath(path[folder.Length..]))
            {
                files[path[folder.Length..]] = content;
            }
        }

        return files;
    }

    /// <summary>Reads an uploaded bundle (.json) or zipped folder (.zip, procedure.json at its root or one folder down).</summary>
    public static SortedDictionary<string, string>? Read(string fileName, byte[] content)
    {
        if (fileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
                var manifest = zip.Entries.FirstOrDefault(e => e.Name == ProcedureFiles.Manifest && e.FullName.Count(c => c == '/') <= 1);
                if (manifest is null)
                {
                    return null;
                }

                var prefix = manifest.FullName[..^ProcedureFiles.Manifest.Length];
                var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
                foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal) && e.Length > 0 && e.Length < 5 * 1024 * 1024).Take(500))
                {
                    var path = entry.FullName[prefix.Length..];
                    if (ProcedureFiles.IsSafePath(path))
                    {
                        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                        files[path] = reader.ReadToEnd();
                    }
                }

                return files;
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }

        var text = Encoding.UTF8.GetString(content).TrimStart('\uFEFF');
        var folderFiles = FolderFiles(text);
        return folderFiles.ContainsKey(ProcedureFiles.Manifest) ? folderFiles : null;
    }

    public static byte[] Zip(string code, IReadOnlyDictionary<string, string> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, text) in files)
            {
                var entry = zip.CreateEntry($"{code}/{path}", CompressionLevel.Optimal);
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }

        return buffer.ToArray();
    }
}
