using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Dvc.Engine.Server.Storage;

/// <summary>
/// Content-addressed file storage on disk: a blob's key is its SHA-256, so storing the same scan twice keeps one
/// copy and a key can never point at different bytes. Documents (drafts) are stored under a caller-chosen key.
/// </summary>
internal sealed class FileStore
{
    private readonly string _root;

    public FileStore(IOptions<FileStorageOptions> options, IWebHostEnvironment environment)
    {
        _root = Path.GetFullPath(options.Value.Root, environment.ContentRootPath);
        Directory.CreateDirectory(_root);
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Stores bytes and returns their key (<c>blobs/ab/abcdef…</c>).</summary>
    public async Task<string> SaveBlobAsync(byte[] content, CancellationToken ct)
    {
        var hash = Sha256(content);
        var key = $"blobs/{hash[..2]}/{hash}";
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temp, content, ct);
            File.Move(temp, path, overwrite: true);
        }

        return key;
    }

    public async Task<byte[]?> ReadAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }

    /// <summary>Writes a small document under <paramref name="key"/> (replaced atomically).</summary>
    public async Task WriteDocumentAsync(string key, string text, CancellationToken ct)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllTextAsync(temp, text, ct);
        File.Move(temp, path, overwrite: true);
    }

    public async Task<string?> ReadDocumentAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        return File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : null;
    }

    public void Delete(string key)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Keys of the documents directly under <paramref name="folder"/>.</summary>
    public IEnumerable<string> List(string folder)
    {
        var path = PathOf(folder);
        return Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.json").Select(f => folder.TrimEnd('/') + "/" + Path.GetFileName(f))
            : [];
    }

    /// <summary>Keys are built by this server from hashes, ids and slugs; anything leaving the root is a bug.</summary>
    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, key));
        if (!path.StartsWith(_root, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Storage key '{key}' leaves the storage root.");
        }

        return path;
    }
}
