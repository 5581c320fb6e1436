namespace Kasse.Browser.Tests.Infrastructure;

/// <summary>Failure messages that say what the page showed and what the server logged, not only what was expected.</summary>
public static class Failures
{
    /// <summary>Runs a Playwright expectation; if it fails, the failure carries the page's alerts and the server's recent warnings.</summary>
    public static async Task ExplainedAsync(this IPage page, string expected, Func<Task> expectation)
    {
        try
        {
            await expectation();
        }
        catch (PlaywrightException e)
        {
            var alerts = string.Join(" | ", await page.Locator("[role=alert]").AllInnerTextsAsync());
            throw new InvalidOperationException(
                $"{expected}, but it did not happen. The page shows: {(alerts.Length > 0 ? alerts : "(no alert)")}.\n"
                + $"Server log (warnings and errors):\n{BrowserServer.Of(page)?.ServerLog() ?? "(unknown server)"}", e);
        }
    }
}
