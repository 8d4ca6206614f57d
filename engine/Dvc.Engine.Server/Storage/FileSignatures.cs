namespace Dvc.Engine.Server.Storage;

/// <summary>
/// What a file is, read from its first bytes, never from the name or the type the browser declared: an EXE or an
/// HTML page sent as <c>application/pdf</c> is still an EXE or a page. Knows the types a procedure may accept
/// (procedure.schema.json limits <c>acceptedTypes</c> to these).
/// </summary>
internal static class FileSignatures
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    private static readonly (string Type, byte[] Magic)[] Known =
    [
        (Pdf, "%PDF-"u8.ToArray()),
        (Jpeg, [0xFF, 0xD8, 0xFF]),
        (Png, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
    ];

    /// <summary>The media type the content starts like, or null when it is none of the known ones.</summary>
    public static string? Detect(ReadOnlySpan<byte> content)
    {
        foreach (var (type, magic) in Known)
        {
            if (content.StartsWith(magic))
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>
    /// The declared type without parameters, lower-case (<c>"APPLICATION/PDF; charset=x"</c> → <c>application/pdf</c>),
    /// or null when it is not a media type at all.
    /// </summary>
    public static string? MediaType(string? declared) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(declared, out var parsed) && parsed.MediaType.HasValue
            ? parsed.MediaType.Value!.ToLowerInvariant()
            : null;
}
