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

    /// <summary>
    /// A keyboard-wedge scanner: real key presses as fast as the browser takes them, then Enter. On a loaded machine the
    /// browser can deliver the keys slower than a scanner types. The till then rightly reads them as typing (and says so
    /// in the console), or, after a stall of more than 250 ms right after the first digit, reads only the digits after
    /// the stall (and says the shorter code is wrong). Either way no line is added, and the scan is repeated, as a
    /// cashier would; a scan that was read is never repeated, so a line is never added twice.
    /// </summary>
    public async Task ScanAsync(string code, int expectedLines)
    {
        const string typedNotScanned = "typed, not scanned";
        static int Dropped(string log) => (log.Length - log.Replace(typedNotScanned, "", StringComparison.Ordinal).Length) / typedNotScanned.Length;
        // What the till names when it read only the digits after a stall: a shorter code, never the whole one.
        var misreads = Enumerable.Range(1, Math.Max(0, code.Length - 6)).Select(skip => code[skip..]).ToArray();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var dropped = Dropped(ConsoleLog());
            var shownBefore = await ShownAsync();
            await page.Keyboard.TypeAsync(code);
            await page.Keyboard.PressAsync("Enter");
            var misread = false;
            for (var waited = 0; waited < 25_000 && !misread; waited += 200)
            {
                if (await CartLines.CountAsync() >= expectedLines)
                    return;
                var shown = await ShownAsync();
                misread = Dropped(ConsoleLog()) > dropped
                    || (shown != shownBefore && !shown.Contains(code, StringComparison.Ordinal)
                        && misreads.Any(m => shown.Contains(m, StringComparison.Ordinal)));
                if (!misread)
                    await Task.Delay(200);
            }
            if (!misread)
                break;
        }
        try
        {
            await Assertions.Expect(CartLines).ToHaveCountAsync(expectedLines, new() { Timeout = 5_000 });
        }
        catch (PlaywrightException e)
        {
            await Artifacts.ScreenshotAsync(page, "failed-scan-" + code);
            throw new InvalidOperationException($"Scanning {code} did not give {expectedLines} cart lines; the till says: {await ShownAsync()}. Browser log:\n{ConsoleLog()}", e);
        }
    }

    // Read without waiting: a toast can go between a count and a read, and a waiting read would then stall for its whole timeout.
    private async Task<string> ShownAsync() => string.Join(" ", await Message.AllInnerTextsAsync()) is { Length: > 0 } shown ? shown : "(no message)";

    public async Task PayAsync() => await page.GetByTestId("pay").ClickAsync();

    public ILocator Quick(string label) => page.Locator($"[data-quick='{label}']");

    public ILocator Tender(string method) => page.Locator($"[data-tender='{method}']");
}
