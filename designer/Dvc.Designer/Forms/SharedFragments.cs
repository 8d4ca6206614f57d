using System.Text.Json.Nodes;
using Dvc.Designer.Drafts;

namespace Dvc.Designer.Forms;

/// <summary>
/// The shared fragments of <c>definitions/shared/</c> as the builder shows them: a field's file <c>$ref</c> resolved
/// (relative to the referencing file, or from the catalog root) so its sub-fields can be listed and overridden.
/// </summary>
public sealed class SharedFragments(IReadOnlyDictionary<string, string> files)
{
    public const string Applicant = "../../shared/applicant.schema.json#";
    public const string Address = "../../shared/address.schema.json#";
    public const string FeeSchedule = "shared/fee-schedule.json";
    public const string Attachments = "shared/attachments.json";
    public const string Agencies = "shared/agencies.json";

    private readonly Dictionary<string, JsonNode?> _parsed = new(StringComparer.Ordinal);

    public static SharedFragments Empty { get; } = new(new Dictionary<string, string>());

    public JsonNode? File(string path)
    {
        if (!_parsed.TryGetValue(path, out var node))
        {
            node = ProcedureFiles.TryParse(files.GetValueOrDefault(path));
            _parsed[path] = node;
        }

        return node;
    }

    /// <summary>
    /// Resolves <paramref name="reference"/> written in <paramref name="fromFile"/> (a path under <c>definitions/</c>,
    /// <c>procedures/X/form.schema.json</c> for a draft's own parts). Returns the target (a copy) and its file.
    /// </summary>
    public (JsonObject? Target, string? File) Resolve(string reference, string fromFile)
    {
        var hash = reference.IndexOf('#');
        var filePart = hash < 0 ? reference : reference[..hash];
        var pointer = hash < 0 ? "" : Uri.UnescapeDataString(reference[(hash + 1)..]);
        if (filePart.Length == 0)
        {
            return (null, null);
        }

        var directory = fromFile.Contains('/', StringComparison.Ordinal) ? fromFile[..fromFile.LastIndexOf('/')] : "";
        var candidate = Normalize(directory.Length == 0 ? filePart : directory + "/" + filePart);
        var path = candidate is not null && files.ContainsKey(candidate) ? candidate : Normalize(filePart);
        if (path is null || File(path) is not { } root)
        {
            return (null, null);
        }

        JsonNode? target = root;
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            target = target is JsonObject o ? o[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)] : null;
        }

        return (target?.DeepClone() as JsonObject, path);
    }

    /// <summary>The <c>fees</c> of the shared fee schedule: id → entry.</summary>
    public IReadOnlyList<(string Id, JsonObject Entry)> FeeEntries() =>
        File(FeeSchedule)?["fees"] is JsonObject fees ? [.. fees.Where(f => f.Value is JsonObject).Select(f => (f.Key, (JsonObject)f.Value!))] : [];

    /// <summary>The shared attachments: id → entry.</summary>
    public IReadOnlyList<(string Id, JsonObject Entry)> AttachmentEntries() =>
        File(Attachments)?["attachments"] is JsonObject list ? [.. list.Where(f => f.Value is JsonObject).Select(f => (f.Key, (JsonObject)f.Value!))] : [];

    private static string? Normalize(string path)
    {
        var stack = new Stack<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (stack.Count == 0)
                {
                    return null;
                }

                stack.Pop();
            }
            else
            {
                stack.Push(segment);
            }
        }

        return string.Join('/', stack.Reverse());
    }
}
