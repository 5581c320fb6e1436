using Kasse.Application.Catalog;
using Kasse.Application.Demo;
using Kasse.Domain.Catalog;
using Kasse.Server.Ui.BackOffice;

namespace Kasse.Browser.Tests.BackOffice;

/// <summary>
/// At 390×844 (a phone) nothing scrolls sideways: every back-office page (tables as cards, the navigation behind a
/// Menu button) and the customer's receipt page behind the QR code, whose 42 columns must all be seen.
/// </summary>
[Collection(SqliteBrowserCollection.Name)]
public sealed class PhoneWidthTests(SqliteBrowserServer server)
{
    private const int PhoneWidth = 390;

    /// <summary>Every page in the navigation, and the editors opened from it.</summary>
    public static TheoryData<string> BackOfficePages()
    {
        var pages = new TheoryData<string>();
        foreach (var path in BackOfficeNav.Sections.Select(s => s.Path).Concat(["/backoffice/products/new", "/backoffice/promotions/new", "/backoffice/price-lists/new"]))
            pages.Add(path);
        return pages;
    }

    [Theory]
    [MemberData(nameof(BackOfficePages))]
    public async Task Each_back_office_page_fits_a_phone_without_sideways_scrolling(string path)
    {
        var page = await server.NewOwnerPageAsync(PhoneWidth, 844); // the owner may open every page
        await page.GotoInteractiveAsync(path);
        await Assertions.Expect(page.GetByTestId("menu-button")).ToBeVisibleAsync();

        var closed = await WidestAsync(page);
        await page.GetByTestId("menu-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("nav-groups")).ToBeVisibleAsync();
        var open = await WidestAsync(page);
        if (path == "/backoffice/products")
            await Artifacts.ScreenshotAsync(page, "backoffice-phone-menu");

        Assert.True(closed.ScrollWidth <= PhoneWidth, $"{path} scrolls sideways: {closed.ScrollWidth} px in {PhoneWidth}; furthest right: {closed.Widest}");
        Assert.True(closed.Right <= PhoneWidth, $"{path}: an element reaches {closed.Right} px in {PhoneWidth}: {closed.Widest}");
        Assert.True(open.Right <= PhoneWidth, $"{path} with the menu open: an element reaches {open.Right} px in {PhoneWidth}: {open.Widest}");
    }

    [Fact]
    public async Task The_receipt_page_behind_the_QR_code_shows_all_42_columns_on_a_phone()
    {
        var register = await server.NewRegisterAsync("Telefonbon " + Guid.NewGuid().ToString("N")[..5]);
        var barcode = Ean.Fresh();
        await server.UseAsync<CatalogService, ProductView>(c => c.CreateProductAsync(Guid.CreateVersion7(),
            new SaveProduct("T-" + barcode, "Hyldebærsaft økologisk 75 cl", 28.95m, 25m, Unit.Piece, null, null, [barcode]), CancellationToken.None));
        using var api = new SalesApi(server.BaseAddress, server.OwnerApiKey);
        var sale = await api.OpenAsync(register.Id, server.CashierId);
        await api.ScanAsync(sale.Id, barcode);
        await api.PayCashAndCompleteAsync(sale.Id, 100m);

        var page = await server.NewPageAsync(PhoneWidth, 844);
        await page.GotoAsync($"/receipt/{sale.Id}");
        await Assertions.Expect(page.Locator("pre.receipt-paper")).ToContainTextAsync("28,95");
        var fit = await page.EvaluateAsync<bool>("() => { const p = document.querySelector('pre.receipt-paper'); return p.scrollWidth <= p.clientWidth; }");
        var widest = await WidestAsync(page);
        await Artifacts.ScreenshotAsync(page, "receipt-phone");

        Assert.True(fit, "the receipt's lines are wider than its paper on a phone: the amounts are cut off");
        Assert.True(widest.ScrollWidth <= PhoneWidth, $"the receipt page scrolls sideways: {widest.ScrollWidth} px; {widest.Widest}");
        Assert.True(widest.Right <= PhoneWidth, $"an element reaches {widest.Right} px: {widest.Widest}");
    }

    [Fact]
    public async Task The_returns_dialog_with_a_found_receipt_fits_a_phone()
    {
        var register = await server.NewRegisterAsync("Telefonretur " + Guid.NewGuid().ToString("N")[..5]);
        var barcode = Ean.Fresh();
        await server.UseAsync<CatalogService, ProductView>(c => c.CreateProductAsync(Guid.CreateVersion7(),
            new SaveProduct("T-" + barcode, "Hyldeblomstsaft med et meget langt navn 75 cl", 1234.95m, 25m, Unit.Piece, null, null, [barcode]), CancellationToken.None));
        using var api = new SalesApi(server.BaseAddress, server.OwnerApiKey);
        var sale = await api.OpenAsync(register.Id, server.CashierId);
        await api.ScanAsync(sale.Id, barcode);
        var completed = await api.PayCashAndCompleteAsync(sale.Id, 1300m);

        var till = new TillPage(await server.NewPageAsync(PhoneWidth, 844), register.Id);
        await till.OpenAsync();
        await till.SignInAsync();
        var page = till.Page;
        // On a phone the cart, with its More button, is a folded sheet: slide it up first.
        await page.GetByTestId("cart-bar").ClickAsync();
        await page.TillMoreAsync("open-returns");
        await page.Locator("#return-number").FillAsync(completed.ReceiptNumber!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#return-number").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("return-line")).ToHaveCountAsync(1);
        // Within the dialog: the till behind it has its own sideways-scrolling category strip.
        var widest = await WidestAsync(page, "[data-testid=returns-dialog]");
        await Artifacts.ScreenshotAsync(page, "returns-phone");

        Assert.True(widest.ScrollWidth <= PhoneWidth, $"the returns dialog scrolls sideways: {widest.ScrollWidth} px; {widest.Widest}");
        Assert.True(widest.Right <= PhoneWidth, $"an element reaches {widest.Right} px: {widest.Widest}");
    }

    private sealed record Extent(int ScrollWidth, int Right, string Widest);

    /// <summary>The page's scroll width, and the right edge of the element that reaches furthest (visible ones only), named.</summary>
    private static async Task<Extent> WidestAsync(IPage page, string within = "body")
    {
        var found = await page.EvaluateAsync<string[]>("""
            within => {
                let widest = null, right = 0;
                for (const el of document.querySelector(within).querySelectorAll('*')) {
                    const r = el.getBoundingClientRect();
                    if (r.width === 0 || r.height === 0) continue;
                    if (r.right > right) { right = r.right; widest = el; }
                }
                const name = widest ? widest.tagName.toLowerCase() + (widest.className ? '.' + String(widest.className).trim().replace(/\s+/g, '.') : '')
                    + ': ' + (widest.outerHTML || '').slice(0, 200) : 'nothing';
                return [String(document.scrollingElement.scrollWidth), String(Math.ceil(right - 0.5)), name];
            }
            """, within);
        return new Extent(int.Parse(found[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(found[1], System.Globalization.CultureInfo.InvariantCulture), found[2]);
    }
}
