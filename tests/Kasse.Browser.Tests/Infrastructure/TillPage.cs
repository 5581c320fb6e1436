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
        lock (_console)
            return string.Join("\n", _console);
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

    /// <summary>A keyboard-wedge scanner: real key presses as fast as the browser takes them, then Enter.</summary>
    /// <summary>
    /// A scan as the till's scanner sees it. On a loaded machine (CI runs the server tests' crash and fuzz runs beside
    /// the browser) the browser can deliver the keys slower than a scanner types; the till then rightly reads them as
    /// typing and says so in the console, and only then is the scan repeated, as a cashier would. The answer may also
    /// take longer than Playwright's default wait there.
    /// </summary>
    public async Task ScanAsync(string code, int expectedLines)
    {
        const string typedNotScanned = "typed, not scanned";
        static int Dropped(string log) => (log.Length - log.Replace(typedNotScanned, "", StringComparison.Ordinal).Length) / typedNotScanned.Length;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var before = Dropped(ConsoleLog());
            await page.Keyboard.TypeAsync(code);
            await page.Keyboard.PressAsync("Enter");
            await Task.Delay(300);
            if (Dropped(ConsoleLog()) == before)
                break;
        }
        try
        {
            await Assertions.Expect(CartLines).ToHaveCountAsync(expectedLines, new() { Timeout = 20_000 });
        }
        catch (PlaywrightException e)
        {
            var shown = await Message.CountAsync() > 0 ? await Message.InnerTextAsync() : "(no message)";
            await Artifacts.ScreenshotAsync(page, "failed-scan-" + code);
            throw new InvalidOperationException($"Scanning {code} did not give {expectedLines} cart lines; the till says: {shown}. Browser log:\n{ConsoleLog()}", e);
        }
    }

    public async Task PayAsync() => await page.GetByTestId("pay").ClickAsync();

    public ILocator Quick(string label) => page.Locator($"[data-quick='{label}']");

    public ILocator Tender(string method) => page.Locator($"[data-tender='{method}']");
}
