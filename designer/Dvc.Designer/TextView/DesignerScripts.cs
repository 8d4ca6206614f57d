using Microsoft.JSInterop;

namespace Dvc.Designer.TextView;

/// <summary>
/// The only C# that calls the ClientLib module (wwwroot/dist/dvc-designer.js, built from ClientLib/src): small calls
/// with small arguments; file texts travel over HTTP, never over the circuit.
/// </summary>
public sealed class DesignerScripts(IJSRuntime js) : IAsyncDisposable
{
    private IJSObjectReference? _module;

    /// <summary>Focuses (and scrolls to) the editor of the property a problem names: <c>[data-prop="x-ui/label"]</c>.</summary>
    public async Task FocusAsync(string property)
    {
        try
        {
            await (await Module()).InvokeVoidAsync("focusProperty", property);
        }
        catch (JSException)
        {
            // Nothing to focus is fine.
        }
    }

    public async Task MountTextAsync(Microsoft.AspNetCore.Components.ElementReference host, string url, string file, int line, bool json, object callback)
    {
        await (await Module()).InvokeVoidAsync("mountText", host, url, file, line, json, callback);
    }

    public async Task LintAsync(Microsoft.AspNetCore.Components.ElementReference host, IEnumerable<object> diagnostics)
    {
        await (await Module()).InvokeVoidAsync("lintText", host, diagnostics);
    }

    public async Task UnmountTextAsync(Microsoft.AspNetCore.Components.ElementReference host)
    {
        try
        {
            await (await Module()).InvokeVoidAsync("unmountText", host);
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone: so is the editor.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone.
            }
        }
    }

    private async Task<IJSObjectReference> Module() =>
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./_content/Dvc.Designer/dist/dvc-designer.js");
}
