namespace Dvc.Engine.Server.Forms;

/// <summary>The model of the recursive <c>_FormField</c> partial: a field, where it sits, and the form state.</summary>
internal sealed record FormFieldView(FormField Field, int[] Indexes, FormRenderState State)
{
    /// <summary>Item index used inside the repeat <c>&lt;template&gt;</c>; the page script swaps it for the next index.</summary>
    public const int TemplateIndex = 999999;

    public string Pointer => Field.PointerAt(Indexes);

    public string Id => "f" + Pointer.Replace('/', '_').Replace('~', '-');

    /// <summary>Resolves a sibling name (or root pointer) the way <c>cascadeFrom</c> and <c>visibleWhen</c> use it.</summary>
    public string SiblingPointer(string nameOrPointer)
    {
        if (nameOrPointer.StartsWith('/'))
        {
            return nameOrPointer;
        }

        var pointer = Pointer;
        return string.Concat(pointer.AsSpan(0, pointer.LastIndexOf('/') + 1), nameOrPointer);
    }
}
