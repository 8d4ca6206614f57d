using Dvc.Designer.Access;
using Dvc.Designer.Localization;

namespace Dvc.Designer.Frame;

/// <summary>One designer circuit: who is signed in and in which language; set once by <see cref="Routes"/>.</summary>
public sealed class DesignerSession
{
    public DesignerText Text { get; } = new();

    /// <summary>Null when the account may not use the designer (the pages then say so).</summary>
    public DesignerUser? User { get; set; }
}
