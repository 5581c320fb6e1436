using System.Net;

namespace Kasse.Browser.Tests.Shell;

[Collection(SqliteBrowserCollection.Name)]
public sealed class ShellTests(SqliteBrowserServer server)
{
    [Fact]
    public async Task The_start_page_offers_the_registers_in_Danish_and_switches_to_English_on_request()
    {
        var register = await server.NewRegisterAsync("Kasse Sprog");
        var page = await server.NewPageAsync();

        await page.GotoInteractiveAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Vælg en kasse");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Kasse Sprog", Exact = true })).ToHaveAttributeAsync("href", $"/till/{register.Id}");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "da");

        await page.Locator("[data-lang=en]").ClickAsync();
        await page.Locator("[data-interactive=true]").First.WaitForAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Choose a register");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back office" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_api_keeps_answering_problem_json_and_its_reference_pages_next_to_the_ui()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var missing = await http.GetAsync("/api/v1/no-such-thing", TestContext.Current.CancellationToken);
        var openApi = await http.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var ui = await http.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.Contains("_framework/blazor.web.js", ui);
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class LanguageTests(SqliteBrowserServer server)
{
    [Fact]
    public async Task Each_cashier_gets_their_own_language_with_its_number_formats()
    {
        var register = await server.NewRegisterAsync("Kasse sprog pr. bruger");
        var page = await server.NewPageAsync();
        var till = new TillPage(page, register.Id);
        await till.OpenAsync();

        // Mette works in Danish.
        await till.SignInAsync();
        await till.ScanAsync(Till.CheckoutTests.Rugbrod, 1);
        await Assertions.Expect(till.Total).ToHaveTextAsync("28,95 kr.");
        await page.TillMoreAsync("switch-cashier");

        // Ole picks English: words and numbers change, his cart stays.
        await till.SignInAsync(BrowserServer.CashierName, BrowserServer.CashierPin);
        await page.Locator("[data-lang=en]").ClickAsync();
        await page.Locator("[data-interactive=true]").First.WaitForAsync();
        await Assertions.Expect(page.GetByTestId("pay")).ToContainTextAsync("Pay");
        await Assertions.Expect(till.Total).ToHaveTextAsync("DKK 28.95");
        await Assertions.Expect(page.GetByTestId("cashier")).ToContainTextAsync(BrowserServer.CashierName);
        await page.TillMoreAsync("switch-cashier");

        // Mette signs in again and the till speaks Danish to her; then English again for Ole.
        await till.SignInAsync();
        await Assertions.Expect(page.GetByTestId("pay")).ToContainTextAsync("Betal");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "da");
        await page.TillMoreAsync("switch-cashier");
        await till.SignInAsync(BrowserServer.CashierName, BrowserServer.CashierPin);
        await Assertions.Expect(page.GetByTestId("pay")).ToContainTextAsync("Pay");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }
}
