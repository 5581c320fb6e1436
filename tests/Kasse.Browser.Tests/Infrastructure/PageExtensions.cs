namespace Kasse.Browser.Tests.Infrastructure;

public static class PageExtensions
{
    /// <summary>
    /// Opens a path and waits until the Blazor circuit is live: clicks before that would be dropped.
    /// </summary>
    public static async Task GotoInteractiveAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("[data-interactive=true]").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
    }
}
