using Dvc.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dvc.EndToEnd.Tests.Designer;

/// <summary>
/// A designer page in chromium: signs in, drives MudBlazor controls, and waits for each change to be saved (the editor's
/// <c>data-revision</c> grows when the draft is stored). Counts the Blazor circuit's WebSocket frames in both directions.
/// </summary>
internal sealed class DesignerSession(IPage page)
{
    public IPage Page { get; } = page;

    public int LargestFrame { get; private set; }

    public int Frames { get; private set; }

    public static async Task<DesignerSession> OpenAsync(IBrowser browser, Uri server, string email, string password, int width = 1280, int height = 900)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var session = new DesignerSession(page);
        page.WebSocket += (_, socket) =>
        {
            socket.FrameReceived += (_, frame) => session.Count(frame);
            socket.FrameSent += (_, frame) => session.Count(frame);
        };
        await page.GotoAsync("/account/login?returnUrl=/designer");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("form:has(#password) button[type=submit]");
        await page.WaitForURLAsync("**/designer");
        return session;
    }

    public Task<long> RevisionAsync() => Page.Locator(".editor").GetAttributeAsync("data-revision").ContinueWith(t => long.Parse(t.Result ?? "0", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Runs <paramref name="action"/> and waits until the draft was saved after it.</summary>
    public async Task SavedAfterAsync(Func<Task> action)
    {
        var before = await RevisionAsync();
        await action();
        await Page.WaitForFunctionAsync(
            "b => Number(document.querySelector('.editor')?.dataset.revision) > b && !document.querySelector('#save-status .badge.draft')",
            before);
    }

    /// <summary>Types into a MudBlazor text field and leaves it (its value is taken on change), waiting for the save.</summary>
    public Task ChangeAsync(ILocator input, string value) => SavedAfterAsync(async () =>
    {
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    });

    public async Task MudSelectAsync(string inputSelector, string option)
    {
        await Page.ClickAsync($".mud-select:has({inputSelector}) .mud-input-control");
        await Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync();
    }

    public async Task AddFieldAsync(string kind, string labelVi, string labelEn)
    {
        Step($"add the field “{labelVi}”");
        await Page.SelectOptionAsync("#add-kind", new SelectOptionValue { Label = kind });
        await Page.FillAsync("#add-label-vi", labelVi);
        await Page.FillAsync("#add-label-en", labelEn);
        await SavedAfterAsync(() => Page.ClickAsync("#add-field-button"));
    }

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.Screenshots, $"designer-{name}.png"), FullPage = true });

    private readonly Lock _frames = new();
    private string _step = "load";
    private (int Size, string Step) _largest;
    private readonly Dictionary<string, int> _byStep = [];

    /// <summary>Names what the page does next, so the largest circuit message can say where it came from.</summary>
    public void Step(string name)
    {
        lock (_frames)
        {
            _step = name;
        }
    }

    /// <summary>The largest message so far and the step that sent it, e.g. "31 022 bytes (open the rules tab)".</summary>
    public string LargestFrameWhere
    {
        get
        {
            lock (_frames)
            {
                return $"{_largest.Size} bytes ({_largest.Step})";
            }
        }
    }

    /// <summary>The largest message of each step, for the test output.</summary>
    public string LargestByStep
    {
        get
        {
            lock (_frames)
            {
                return string.Join("; ", _byStep.OrderByDescending(s => s.Value).Select(s => $"{s.Key}: {s.Value}"));
            }
        }
    }

    /// <summary>Forgets the frames so far (the page load), to measure what editing sends.</summary>
    public void ResetFrames()
    {
        lock (_frames)
        {
            Frames = 0;
            LargestFrame = 0;
            _largest = (0, _step);
            _byStep.Clear();
        }
    }

    private void Count(IWebSocketFrame frame)
    {
        var size = frame.Binary?.Length ?? System.Text.Encoding.UTF8.GetByteCount(frame.Text ?? "");
        lock (_frames)
        {
            Frames++;
            LargestFrame = Math.Max(LargestFrame, size);
            _byStep[_step] = Math.Max(_byStep.GetValueOrDefault(_step), size);
            if (size > _largest.Size)
            {
                _largest = (size, _step);
            }
        }
    }
}
