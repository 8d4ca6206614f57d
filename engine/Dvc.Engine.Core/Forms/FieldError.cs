using Dvc.Engine.Core.Definitions;

namespace Dvc.Engine.Core.Forms;

/// <summary>One problem with one submitted field: its JSON pointer, the JSON Schema keyword that failed, and the message in vi and en.</summary>
public sealed record FieldError(string Pointer, string Keyword, LocalizedText Message)
{
    public string Text(string? culture) => Message.Get(culture);
}
