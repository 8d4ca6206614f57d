namespace Dvc.Engine.Core.Definitions;

/// <summary>Stable codes for problems with files, JSON, <c>$ref</c> and the manifest. Never renumber: tools and docs cite them.</summary>
public static class DefinitionDiagnostics
{
    /// <summary>A file is larger than the loader accepts; it is rejected before being read.</summary>
    public const string FileTooLarge = "DVC-DEF-001";

    /// <summary>A file is not well-formed JSON.</summary>
    public const string MalformedJson = "DVC-DEF-002";

    /// <summary>A file named by the manifest (or by a <c>$ref</c>) does not exist.</summary>
    public const string MissingFile = "DVC-DEF-003";

    /// <summary>A <c>$ref</c> points at a JSON pointer that does not exist in its file.</summary>
    public const string MissingPointer = "DVC-DEF-004";

    /// <summary>A chain of <c>$ref</c>s leads back to itself.</summary>
    public const string RefCycle = "DVC-DEF-005";

    /// <summary>A chain of <c>$ref</c>s is deeper than allowed, or expands to too many values.</summary>
    public const string RefTooDeep = "DVC-DEF-006";

    /// <summary>A <c>$ref</c> is not a string, leaves the catalog folder, or cannot be parsed.</summary>
    public const string InvalidRef = "DVC-DEF-007";

    /// <summary>Sibling keys next to a <c>$ref</c> whose target is not an object.</summary>
    public const string RefOverrideNotObject = "DVC-DEF-008";

    /// <summary>A path (part, template, tests folder, <c>$ref</c>) resolves outside the catalog folder, links followed.</summary>
    public const string OutsideCatalog = "DVC-DEF-016";

    /// <summary>The manifest does not match procedure.schema.json.</summary>
    public const string ManifestInvalid = "DVC-DEF-010";

    /// <summary>The manifest's code differs from its folder name.</summary>
    public const string CodeMismatch = "DVC-DEF-011";

    /// <summary>Two attachments or two roles share an id.</summary>
    public const string DuplicateId = "DVC-DEF-012";

    /// <summary>A folder under procedures/ has no procedure.json.</summary>
    public const string ManifestMissing = "DVC-DEF-013";

    /// <summary>Two folders declare the same procedure code.</summary>
    public const string DuplicateCode = "DVC-DEF-014";

    /// <summary>A file could not be read (permissions, I/O).</summary>
    public const string UnreadableFile = "DVC-DEF-015";

    /// <summary>The workflow compiler failed unexpectedly; the procedure is not served.</summary>
    public const string WorkflowCompilerFailed = "DVC-DEF-021";

    /// <summary>The compiler itself failed on this procedure (a bug); the other procedures are still compiled.</summary>
    public const string InternalError = "DVC-DEF-099";

    /// <summary>A catalog folder has no procedures/ sub-folder and no procedure.json.</summary>
    public const string NotACatalog = "DVC-DEF-030";
}
