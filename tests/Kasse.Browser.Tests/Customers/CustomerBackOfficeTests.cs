using Kasse.Application.Customers;

namespace Kasse.Browser.Tests.Customers;

/// <summary>The back office's customer pages: create, GDPR export and erase; the gift card liability; phone-sized screens.</summary>
public abstract class CustomerBackOfficeTests(BrowserServer server)
{
    [Fact]
    public async Task An_owner_creates_a_customer_exports_their_data_and_erases_them()
    {
        var page = await server.NewOwnerPageAsync();
        await page.GotoInteractiveAsync("/backoffice/customers");
        var name = $"Kontor Kunde {Guid.NewGuid():N}"[..22];
        await page.GetByTestId("c-name").FillAsync(name);
        await page.GetByTestId("c-phone").FillAsync("71 72 73 74");
        await page.GetByTestId("c-email").FillAsync("kontor@example.dk");
        await page.GetByTestId("save-customer").ClickAsync();
        await Assertions.Expect(page.GetByTestId("done")).ToBeVisibleAsync();
        await page.GetByTestId("customer-query").FillAsync(name);
        await page.GetByTestId("customer-query").PressAsync("Enter");
        var row = page.GetByTestId("customer-list").Locator("tbody tr", new() { HasText = name });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        var id = Guid.Parse((await row.GetAttributeAsync("data-customer"))!);

        await row.GetByTestId("export-customer").ClickAsync();
        await Assertions.Expect(page.GetByTestId("customer-export")).ToContainTextAsync("kontor@example.dk");

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await row.GetByTestId("erase-customer").ClickAsync();
        await Assertions.Expect(page.GetByTestId("customer-list").Locator("tbody tr", new() { HasText = name })).ToHaveCountAsync(0);
        var erased = await server.UseAsync<CustomerService, CustomerView>(c => c.GetAsync(id, default));
        Assert.True(erased.IsErased);
        Assert.Null(erased.Email);
    }

    [Fact]
    public async Task The_gift_card_page_shows_the_outstanding_liability()
    {
        var code = await GiftCardSetup.IssueAsync(server, 125.00m);
        var page = await server.NewOwnerPageAsync();
        await page.GotoInteractiveAsync("/backoffice/gift-cards");
        await Assertions.Expect(page.GetByTestId("liability-outstanding")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("gift-card-list")).ToContainTextAsync(code[^4..]);
    }

    [Theory]
    [InlineData("/backoffice/customers")]
    [InlineData("/backoffice/loyalty")]
    [InlineData("/backoffice/gift-cards")]
    public async Task Each_customer_page_fits_a_phone_without_sideways_scrolling(string path)
    {
        var page = await server.NewOwnerPageAsync(390, 844);
        await page.GotoInteractiveAsync(path);
        await Assertions.Expect(page.Locator(".bo-nav")).ToBeVisibleAsync();
        var (overflow, widest) = await page.SidewaysOverflowAsync();
        Assert.True(overflow <= 0, $"{path} is {overflow} px wider than a 390 px phone; furthest right: {widest}");
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SqliteCustomerBackOfficeTests(SqliteBrowserServer server) : CustomerBackOfficeTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresCustomerBackOfficeTests(PostgresBrowserServer server) : CustomerBackOfficeTests(server);
