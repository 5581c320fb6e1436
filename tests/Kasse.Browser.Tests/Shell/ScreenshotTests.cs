using System.Globalization;
using Kasse.Application.Demo;
using Kasse.Server.Ui.BackOffice;

namespace Kasse.Browser.Tests.Shell;

/// <summary>
/// Every till and back-office screen at a desk's width (1280) and a phone's (390), saved as PNGs under the test output's
/// artifacts/screenshots for a reviewer; at 390 px no element may be wider than the window, nor reach past it unless a
/// scrolling strip of its own (the category tabs) holds it.
/// </summary>
[Collection(SqliteBrowserCollection.Name)]
public sealed class ScreenshotTests(SqliteBrowserServer server)
{
    private const int PhoneWidth = 390;
    private static readonly (int Width, int Height)[] Sizes = [(1280, 800), (PhoneWidth, 844)];
    private const string Rugbrod = Till.CheckoutTests.Rugbrod;
    private const string Solsikke = "5708066750475";

    public static TheoryData<string> BackOfficePages()
    {
        var pages = new TheoryData<string>();
        foreach (var path in BackOfficeNav.Sections.Select(s => s.Path).Concat(["/backoffice/products/new", "/backoffice/promotions/new", "/backoffice/price-lists/new"]))
            pages.Add(path);
        return pages;
    }

    [Theory]
    [MemberData(nameof(BackOfficePages))]
    public async Task Each_back_office_page(string path)
    {
        foreach (var (width, height) in Sizes)
        {
            var page = await server.NewOwnerPageAsync(width, height); // the owner may open every page
            await page.GotoInteractiveAsync(path);
            await ShootAndCheckAsync(page, "backoffice" + path.Replace("/backoffice", "", StringComparison.Ordinal).Replace('/', '-'), width);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_back_office_sign_in()
    {
        foreach (var (width, height) in Sizes)
        {
            var page = await server.NewPageAsync(width, height);
            await page.GotoAsync("/backoffice/sign-in");
            await Assertions.Expect(page.Locator("#user-name")).ToBeVisibleAsync();
            await ShootAndCheckAsync(page, "backoffice-sign-in", width);
            await page.Context.CloseAsync();
        }
    }

    public static TheoryData<string> TillScreens() =>
        new() { "register-chooser", "till-sign-in", "till-cart", "till-pay", "till-parked", "till-more", "till-menu", "till-floor", "customer-display", "kitchen", "kitchen-expo", "receipt" };

    [Theory]
    [MemberData(nameof(TillScreens))]
    public async Task Each_till_screen(string screen)
    {
        foreach (var (width, height) in Sizes)
        {
            // A register of its own per width: the open sale belongs to the register, so one would carry over.
            var register = await server.NewRegisterAsync($"Skærmbillede {screen} {width}");
            var page = await OpenTillScreenAsync(screen, register.Id, width, height);
            await ShootAndCheckAsync(page, screen, width);
            await page.Context.CloseAsync();
        }
    }

    private async Task<IPage> OpenTillScreenAsync(string screen, Guid registerId, int width, int height)
    {
        switch (screen)
        {
            case "register-chooser":
            {
                var page = await server.NewPageAsync(width, height);
                await page.GotoInteractiveAsync("/");
                return page;
            }
            case "till-sign-in":
            {
                var page = await server.NewPageAsync(width, height);
                await new TillPage(page, registerId).OpenAsync();
                return page;
            }
            case "customer-display":
            {
                var page = await server.NewPageAsync(width, height);
                await page.GotoInteractiveAsync($"/display/{registerId}");
                return page;
            }
            case "kitchen":
            {
                var page = await server.NewBackOfficePageAsync(width, height);
                await page.GotoInteractiveAsync($"/kitchen/{DemoSeeder.KitchenStationId}");
                await Assertions.Expect(page.GetByTestId("kds-title")).ToBeVisibleAsync();
                return page;
            }
            case "kitchen-expo":
            {
                var page = await server.NewBackOfficePageAsync(width, height);
                await page.GotoInteractiveAsync($"/kitchen/expo/{DemoSeeder.StoreId}");
                return page;
            }
            case "receipt":
            {
                using var api = new BackOffice.SalesApi(server.BaseAddress, server.OwnerApiKey);
                var sale = await api.OpenAsync(registerId, server.CashierId);
                await api.ScanAsync(sale.Id, Rugbrod);
                await api.ScanAsync(sale.Id, Solsikke);
                await api.PayCashAndCompleteAsync(sale.Id, 100m);
                var page = await server.NewPageAsync(width, height);
                await page.GotoAsync($"/receipt/{sale.Id}");
                await Assertions.Expect(page.Locator("pre.receipt-paper")).ToContainTextAsync("28,95");
                return page;
            }
        }

        // The rest are the signed-in till, with two lines in the cart for the screens that show it.
        var till = new TillPage(await server.NewPageAsync(width, height), registerId);
        await till.OpenAsync();
        await till.SignInAsync();
        var tillPage = till.Page;
        if (screen == "till-floor")
        {
            await tillPage.GotoInteractiveAsync($"/till/{registerId}/floor");
            await Assertions.Expect(tillPage.GetByTestId("floor")).ToBeVisibleAsync();
            return tillPage;
        }
        await till.ScanAsync(Rugbrod, 1);
        await till.ScanAsync(Solsikke, 2);
        // On a phone the cart is a folded sheet: slide it up for the screens opened from it.
        if (width < 800 && screen != "till-cart")
            await tillPage.GetByTestId("cart-bar").ClickAsync();
        switch (screen)
        {
            case "till-pay":
                await till.PayAsync();
                await Assertions.Expect(tillPage.GetByTestId("payment-dialog")).ToBeVisibleAsync();
                break;
            case "till-parked":
                await tillPage.GetByTestId("open-parked").ClickAsync();
                await Assertions.Expect(tillPage.GetByTestId("parked-dialog")).ToBeVisibleAsync();
                break;
            case "till-more":
                await tillPage.GetByTestId("open-more").ClickAsync();
                await Assertions.Expect(tillPage.GetByTestId("more-sheet")).ToBeVisibleAsync();
                break;
            case "till-menu":
                await tillPage.TillMoreAsync("open-menu");
                break;
        }
        return tillPage;
    }

    private static async Task ShootAndCheckAsync(IPage page, string name, int width)
    {
        await Artifacts.ScreenshotAsync(page, $"{name}-{width}");
        if (width != PhoneWidth)
            return;
        var found = await page.EvaluateAsync<string[]>("""
            viewport => {
                // Clipped by a scrolling or hidden-overflow ancestor narrower than its content: a strip of its own, not the page.
                const heldByStrip = el => {
                    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
                        const x = getComputedStyle(p).overflowX;
                        if ((x === 'auto' || x === 'scroll' || x === 'hidden' || x === 'clip') && p.getBoundingClientRect().right <= viewport + 1) return true;
                    }
                    return false;
                };
                const name = el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().replace(/\s+/g, '.') : '')
                    + ' (' + Math.round(el.getBoundingClientRect().width) + ' px wide, right edge ' + Math.round(el.getBoundingClientRect().right) + '): '
                    + (el.outerHTML || '').slice(0, 200);
                const bad = [];
                for (const el of document.body.querySelectorAll('*')) {
                    const r = el.getBoundingClientRect();
                    if (r.width === 0 || r.height === 0) continue;
                    const style = getComputedStyle(el);
                    if (style.visibility === 'hidden') continue;
                    if (r.width > viewport + 1 || (r.right > viewport + 1 && !heldByStrip(el))) bad.push(name(el));
                }
                return [String(document.scrollingElement.scrollWidth), ...bad.slice(0, 3)];
            }
            """, width);
        var scrollWidth = int.Parse(found[0], CultureInfo.InvariantCulture);
        Assert.True(scrollWidth <= width, $"{name} scrolls sideways at {width} px: {scrollWidth} px wide. {string.Join(" | ", found.Skip(1))}");
        Assert.True(found.Length == 1, $"{name} at {width} px: wider than the window or reaching past it: {string.Join(" | ", found.Skip(1))}");
    }
}
