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

    /// <summary>A till action kept in the <em>More</em> sheet (void, returns, menu, switch cashier, sale discount, coupon): opens the sheet, then the action.</summary>
    public static async Task TillMoreAsync(this IPage page, string testId)
    {
        await page.GetByTestId("open-more").ClickAsync();
        await page.GetByTestId("more-sheet").GetByTestId(testId).ClickAsync();
    }

    /// <summary>
    /// How many pixels the page is wider than the window (0 or less: no sideways scrolling), and which element reaches
    /// furthest to the right, so a failure says what to fix.
    /// </summary>
    public static async Task<(int Overflow, string Widest)> SidewaysOverflowAsync(this IPage page)
    {
        var found = await page.EvaluateAsync<string[]>("""
            () => {
                const overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
                let widest = null, right = 0;
                for (const el of document.body.querySelectorAll('*')) {
                    const r = el.getBoundingClientRect().right;
                    if (r > right) { right = r; widest = el; }
                }
                const name = widest ? widest.tagName.toLowerCase() + (widest.className ? '.' + String(widest.className).trim().replace(/\s+/g, '.') : '')
                    + ' (' + Math.round(widest.getBoundingClientRect().width) + ' px wide): ' + (widest.outerHTML || '').slice(0, 300) : 'nothing';
                return [String(overflow), name];
            }
            """);
        return (int.Parse(found[0], System.Globalization.CultureInfo.InvariantCulture), found[1]);
    }
}
