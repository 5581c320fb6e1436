namespace Kasse.Browser.Tests.Infrastructure;

/// <summary>Debian's Chromium, driven by Playwright's own driver (never a downloaded browser).</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException(
                $"The browser tests need Debian's Chromium at {ExecutablePath} and it is not installed. "
                + "Run ./test.sh as root (it installs it), or: apt-get install -y --no-install-recommends chromium");
        // A screen that answers within a few seconds on a quiet machine can take longer on a loaded one (a CI runner): an
        // expectation waits as long as an action does (NewPageAsync's 15 s), since both wait for the same server.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
            Timeout = 60_000,
        });
        return (playwright, browser);
    }
}
