using Bunit;
using Dvc.Designer.Access;
using Dvc.Designer.Drafts;
using Dvc.Designer.Editor;
using Dvc.Designer.Frame;
using Dvc.Designer.Problems;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Dvc.Designer.Tests.Infrastructure;

/// <summary>A bUnit context with MudBlazor, the designer's session (an agency admin of HN-UBND-XA) and in-memory seams.</summary>
internal sealed class DesignerContext : BunitContext
{
    public DesignerContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Session = new DesignerSession { User = new DesignerUser("u1", "Lãnh đạo", "HN-UBND-XA", IsSystemAdmin: false) };
        Services.AddSingleton(Session);
        Services.AddSingleton<IProcedureDrafts>(Designer);
        Services.AddSingleton<IProcedureChecker>(Designer);
        Services.AddScoped<TextView.DesignerScripts>();
    }

    public InMemoryDesigner Designer { get; } = new();

    public DesignerSession Session { get; }

    /// <summary>An editor on a copy of a shipped procedure (or the given files), loaded as the editor page loads it.</summary>
    public async Task<EditorState> OpenAsync(string code, IReadOnlyDictionary<string, string>? files = null)
    {
        Designer.Put(code, files ?? Definitions.Procedure(code));
        var state = new EditorState(Session, Designer, Designer);
        Assert.Equal(DraftAccess.Ok, await state.LoadAsync(code));
        return state;
    }

    /// <summary>Renders a component under a popover provider (MudSelect needs one).</summary>
    public IRenderedComponent<TComponent> RenderWithPopovers<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>> parameters)
        where TComponent : IComponent
    {
        Render<MudPopoverProvider>();
        return Render(parameters);
    }
}
