using Kasse.Application.Demo;

namespace Kasse.Browser.Tests.Infrastructure;

/// <summary>The till as a cashier uses it, through the browser only.</summary>
public sealed class TillPage
{
    private readonly IPage page;
    private readonly Guid registerId;
    private readonly List<string> _console = [];

    public TillPage(IPage page, Guid registerId)
    {
        this.page = page;
        this.registerId = registerId;
        page.Console += (_, message) =>
        {
            lock (_console)
                _console.Add($"{message.Type}: {message.Text}");
        };
    }

    /// <summary>What the browser logged, for a failure message.</summary>
    public string ConsoleLog()
    {
        string browser;
        lock (_console)
            browser = string.Join("\n", _console);
        return browser + "\nServer log (warnings and errors):\n" + (BrowserServer.Of(page)?.ServerLog() ?? "(unknown server)");
    }

    public const string Mette = "Mette Demo";

    public IPage Page => page;
    public ILocator CartLines => page.GetByTestId("cart-line");
    public ILocator Total => page.GetByTestId("total");
    public ILocator Message => page.GetByTestId("till-message");

    public async Task OpenAsync() => await page.GotoInteractiveAsync($"/till/{registerId}");

    public async Task SignInAsync(string name = Mette, string pin = DemoSeeder.EmployeePin)
    {
        await page.Locator($"[data-employee='{name}']").ClickAsync();
        foreach (var digit in pin)
            await page.Locator($"[data-key='{digit}']").ClickAsync();
        await page.Locator("[data-key=ok]").ClickAsync();
        // The scanner listens once the till's script is attached (a cashier never scans within that moment).
        await page.Locator("[data-testid=till][data-scanner=ready]").WaitForAsync();
    }

    /// <summary>
    /// A keyboard-wedge scanner: the code's key presses and Enter as one burst, as the scanner's hardware sends them,
    /// then the cart line it adds. The burst is sent from inside the page in one go (each key down, the browser's own
    /// typing of it into a focused text field, key up) rather than key by key from the test process: on a loaded machine
    /// the test process can stall between two keys for longer than a scanner ever pauses, and the till then rightly
    /// reads the keys as typing. A scanner's pace does not depend on how busy the machine is; the till's handling of
    /// the burst (its keyboard script, the server call, the screen) is the same.
    /// </summary>
    public async Task ScanAsync(string code, int expectedLines)
    {
        await SendScanAsync(code);
        try
        {
            await Assertions.Expect(CartLines).ToHaveCountAsync(expectedLines, new() { Timeout = 30_000 });
        }
        catch (PlaywrightException e)
        {
            await Artifacts.ScreenshotAsync(page, "failed-scan-" + code);
            throw new InvalidOperationException($"Scanning {code} did not give {expectedLines} cart lines; the till says: {await ShownAsync()}. Browser log:\n{ConsoleLog()}", e);
        }
    }

    /// <summary>
    /// A scan of a piece product already in the cart, which the till merges into that line (the store's default): the cart
    /// keeps <paramref name="expectedLines"/> lines and the selected line shows <paramref name="expectedQuantity"/>.
    /// </summary>
    public async Task ScanMergedAsync(string code, int expectedLines, int expectedQuantity)
    {
        await SendScanAsync(code);
        var quantity = page.Locator(".cart-line.selected [data-testid=line-qty]");
        try
        {
            await Assertions.Expect(quantity).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^{expectedQuantity} ×"), new() { Timeout = 30_000 });
            await Assertions.Expect(CartLines).ToHaveCountAsync(expectedLines);
        }
        catch (PlaywrightException e)
        {
            await Artifacts.ScreenshotAsync(page, "failed-merged-scan-" + code);
            throw new InvalidOperationException($"Scanning {code} again did not give {expectedQuantity} on one line; the till says: {await ShownAsync()}. Browser log:\n{ConsoleLog()}", e);
        }
    }

    /// <summary>The scanner's burst for <paramref name="code"/> (see <see cref="ScanAsync"/>), without waiting for what it does.</summary>
    public Task SendScanAsync(string code) => page.EvaluateAsync(ScannerBurst, code);

    private const string ScannerBurst = """
        code => {
            const press = key => {
                const target = document.activeElement ?? document.body;
                const typed = target.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, composed: true }));
                const field = target.tagName === "TEXTAREA" || (target.tagName === "INPUT" && !["button", "checkbox", "radio", "submit"].includes(target.type));
                if (typed && key.length === 1 && field) {
                    target.value += key;
                    target.dispatchEvent(new Event("input", { bubbles: true }));
                }
                target.dispatchEvent(new KeyboardEvent("keyup", { key, bubbles: true, cancelable: true, composed: true }));
            };
            for (const digit of code) press(digit);
            press("Enter");
        }
        """;

    // Read without waiting: a toast can go between a count and a read, and a waiting read would then stall for its whole timeout.
    private async Task<string> ShownAsync() => string.Join(" ", await Message.AllInnerTextsAsync()) is { Length: > 0 } shown ? shown : "(no message)";

    public async Task PayAsync() => await page.GetByTestId("pay").ClickAsync();

    public ILocator Quick(string label) => page.Locator($"[data-quick='{label}']");

    public ILocator Tender(string method) => page.Locator($"[data-tender='{method}']");
}
