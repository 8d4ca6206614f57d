using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Definitions;

/// <summary>
/// Inlines file <c>$ref</c>s (<c>../../shared/x.json#/pointer</c> relative to the referencing file, or
/// <c>shared/x.json#/pointer</c> from the catalog root when no such file is next to it). A <c>#…</c> ref in the part itself stays for JSON Schema; inside a fragment it points into
/// the fragment's own file and is inlined too. Sibling keys deep-merge over the referenced object.
/// </summary>
internal sealed class JsonRefResolver(CatalogFiles files)
{
    public ResolvedJson? Load(string relativeFile, SourceLocation? referencedAt, ICollection<Diagnostic> diagnostics)
    {
        var parsed = files.ReadJson(relativeFile, referencedAt, diagnostics);
        if (parsed is null)
        {
            return null;
        }

        var map = new SourceMap(relativeFile, files.LineMap);
        var state = new State(relativeFile, map, diagnostics);
        var root = Resolve(parsed.Root, relativeFile, string.Empty, string.Empty, state);
        return new ResolvedJson(relativeFile, root, map);
    }

    private JsonNode? Resolve(JsonNode? node, string file, string source, string target, State state)
    {
        if (++state.Nodes > files.Limits.MaxExpandedNodes)
        {
            if (!state.ReportedExpansion)
            {
                state.ReportedExpansion = true;
                state.Diagnostics.Add(Locate(file, source).Error(
                    DefinitionDiagnostics.RefTooDeep,
                    $"After inlining $ref fragments this part has more than {files.Limits.MaxExpandedNodes:N0} values; a fragment is probably referenced inside itself many times."));
            }

            return null;
        }

        switch (node)
        {
            case JsonObject obj when obj.TryGetPropertyValue("$ref", out var reference) && IsFileRef(reference, file, state):
                return ResolveRef(obj, (string)reference!, file, source, target, state);
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[key] = Resolve(value, file, JsonPointer.Append(source, key), JsonPointer.Append(target, key), state);
                }

                return copy;
            case JsonArray array:
                var items = new JsonArray();
                for (var i = 0; i < array.Count; i++)
                {
                    items.Add(Resolve(array[i], file, JsonPointer.Append(source, i), JsonPointer.Append(target, i), state));
                }

                return items;
            default:
                return node?.DeepClone();
        }
    }

    private static bool IsFileRef(JsonNode? reference, string file, State state) =>
        reference is JsonValue value && value.TryGetValue<string>(out var text) && (!text.StartsWith('#') || file != state.TopFile);

    private JsonNode? ResolveRef(JsonObject obj, string reference, string file, string source, string target, State state)
    {
        var refLocation = Locate(file, JsonPointer.Append(source, "$ref"));
        var hash = reference.IndexOf('#');
        var filePart = hash < 0 ? reference : reference[..hash];
        var pointer = hash < 0 ? string.Empty : Uri.UnescapeDataString(reference[(hash + 1)..]);
        string? targetFile;
        if (filePart.Length == 0)
        {
            targetFile = file;
        }
        else
        {
            // As in JSON Schema, a path is relative to the referencing file; when nothing is there, it is tried from the catalog
            // root as well, so "shared/x.json" works from any depth.
            var isAbsolute = Uri.IsWellFormedUriString(filePart, UriKind.Absolute) || Path.IsPathRooted(filePart);
            var fromFile = isAbsolute ? null : files.Combine(Path.GetDirectoryName(file) ?? string.Empty, filePart);
            var fromRoot = isAbsolute ? null : files.Combine(string.Empty, filePart);
            targetFile = fromFile is not null && files.IsPresent(fromFile) ? fromFile : fromRoot is not null && files.IsPresent(fromRoot) ? fromRoot : fromFile ?? fromRoot;
        }

        if (targetFile is null || (!files.Exists(targetFile) && !InCatalog))
        {
            state.Diagnostics.Add(refLocation.Error(DefinitionDiagnostics.InvalidRef, OutsideCatalog(reference, filePart)));
            return null;
        }

        if (JsonPointer.Parse(pointer) is null)
        {
            state.Diagnostics.Add(refLocation.Error(
                DefinitionDiagnostics.InvalidRef,
                $"The reference '{reference}' must name a file inside the definitions folder and a JSON pointer starting with '/', e.g. 'shared/applicant.schema.json#/definitions/applicant'."));
            return null;
        }

        var key = targetFile + "#" + pointer;
        if (state.Stack.Contains(key))
        {
            var chain = string.Join(" → ", state.Stack.Reverse().Append(key));
            state.Diagnostics.Add(refLocation.Error(DefinitionDiagnostics.RefCycle, $"The reference '{reference}' leads back to itself: {chain}."));
            return null;
        }

        if (state.Stack.Count >= files.Limits.MaxRefDepth)
        {
            state.Diagnostics.Add(refLocation.Error(
                DefinitionDiagnostics.RefTooDeep,
                $"The reference '{reference}' is nested more than {files.Limits.MaxRefDepth} levels deep; flatten the shared fragments."));
            return null;
        }

        var parsed = files.ReadJson(targetFile, refLocation, state.Diagnostics);
        if (parsed is null)
        {
            return null;
        }

        if (!JsonPointer.TryNavigate(parsed.Root, pointer, out var referenced))
        {
            state.Diagnostics.Add(refLocation.Error(DefinitionDiagnostics.MissingPointer, $"The file '{targetFile}' has nothing at '{pointer}' (reference '{reference}')."));
            return null;
        }

        state.Map.AddBoundary(target, targetFile, pointer);
        state.Stack.Push(key);
        var resolved = Resolve(referenced, targetFile, pointer, target, state);
        state.Stack.Pop();

        var siblings = obj.Where(pair => pair.Key != "$ref").ToList();
        if (siblings.Count == 0 || resolved is null)
        {
            return resolved;
        }

        if (resolved is not JsonObject resolvedObject)
        {
            state.Diagnostics.Add(refLocation.Error(
                DefinitionDiagnostics.RefOverrideNotObject,
                $"Keys next to '$ref' can only override an object, but '{reference}' is not an object."));
            return resolved;
        }

        foreach (var (siblingKey, siblingValue) in siblings)
        {
            var siblingSource = JsonPointer.Append(source, siblingKey);
            var siblingTarget = JsonPointer.Append(target, siblingKey);
            state.Map.AddBoundary(siblingTarget, file, siblingSource);
            Merge(resolvedObject, siblingKey, Resolve(siblingValue, file, siblingSource, siblingTarget, state));
        }

        return resolvedObject;
    }

    /// <summary>Why a reference that leaves the catalog cannot be followed, and what to do about it.</summary>
    private string OutsideCatalog(string reference, string filePart)
    {
        if (Uri.IsWellFormedUriString(filePart, UriKind.Absolute) || Path.IsPathRooted(filePart))
        {
            return $"The reference '{reference}' must be a path relative to the file that contains it, not a URL or an absolute path; only files inside the catalog can be used.";
        }

        return InCatalog
            ? $"The reference '{reference}' leads outside the catalog folder '{files.Root}'; a definition can only use files inside its catalog."
            : $"The reference '{reference}' names a file outside this procedure folder, and no folder above it is a catalog (a folder with {ProcedureCompiler.ProceduresFolder}/), so shared/ cannot be reached. Move the procedure folder into a catalog (e.g. definitions/{ProcedureCompiler.ProceduresFolder}/) and validate it there.";
    }

    /// <summary>False when a procedure folder is compiled on its own, outside any catalog (its own folder is the root).</summary>
    private bool InCatalog => Directory.Exists(Path.Combine(files.Root, ProcedureCompiler.ProceduresFolder));

    /// <summary>Objects merge key by key (so a form can change only <c>x-ui.label</c>); anything else replaces.</summary>
    private static void Merge(JsonObject into, string key, JsonNode? value)
    {
        if (into[key] is JsonObject existing && value is JsonObject overrides)
        {
            foreach (var (childKey, childValue) in overrides.ToList())
            {
                overrides.Remove(childKey);
                Merge(existing, childKey, childValue);
            }

            return;
        }

        into[key] = value;
    }

    private SourceLocation Locate(string file, string pointer)
    {
        var (line, column) = files.LineMap(file).Find(pointer);
        return new SourceLocation(file, pointer, line, column);
    }

    private sealed class State(string topFile, SourceMap map, ICollection<Diagnostic> diagnostics)
    {
        public string TopFile { get; } = topFile;

        public SourceMap Map { get; } = map;

        public ICollection<Diagnostic> Diagnostics { get; } = diagnostics;

        public Stack<string> Stack { get; } = new();

        public int Nodes { get; set; }

        public bool ReportedExpansion { get; set; }
    }
}
