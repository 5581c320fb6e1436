using Kasse.Application.Accounting;
using Kasse.Application.Demo;
using Kasse.Domain.Accounting;

namespace Kasse.Browser.Tests.BackOffice;

[Collection(SqliteBrowserCollection.Name)]
public sealed class AccountingPageTests(SqliteBrowserServer server)
{
    [Fact]
    public async Task The_bookkeeper_gives_the_cash_account_a_new_number_on_the_page_and_the_chart_keeps_it()
    {
        try
        {
            var page = await server.NewOwnerPageAsync();
            await page.GotoInteractiveAsync($"/backoffice/accounting?store={DemoSeeder.StoreId}");
            await Assertions.Expect(page.GetByText("Dansk standard; gem for at gøre den til jeres egen.")).ToBeVisibleAsync();
            var cash = page.GetByTestId("chart").Locator("tr[data-role='Cash']");
            await Assertions.Expect(cash.GetByLabel("Konto", new() { Exact = true })).ToHaveValueAsync("5800");

            await cash.GetByLabel("Konto", new() { Exact = true }).FillAsync("58001");
            await cash.GetByLabel("Kontonavn").FillAsync("Kasse, butik");
            await page.GetByTestId("save-chart").ClickAsync();

            await Assertions.Expect(page.GetByTestId("saved")).ToHaveTextAsync("Gemt.");
            var chart = await server.UseAsync<AccountingService, ChartView>(a => a.GetChartAsync(DemoSeeder.StoreId, CancellationToken.None));
            Assert.False(chart.IsDefault);
            var account = Assert.Single(chart.Accounts, a => a.Role == AccountRole.Cash);
            Assert.Equal(("58001", "Kasse, butik"), (account.Number, account.Name));

            await cash.GetByLabel("Konto", new() { Exact = true }).FillAsync("58 01");
            await page.GetByTestId("save-chart").ClickAsync();
            await Assertions.Expect(page.GetByTestId("error")).ToContainTextAsync("bogstaver, cifre");
            await Artifacts.ScreenshotAsync(page, "backoffice-accounting");
        }
        finally
        {
            var defaults = ChartOfAccounts.DanishDefault().Accounts.Select(a => new ChartAccountRequest(a.Role, a.Qualifier, a.Number, a.Name)).ToList();
            await server.UseAsync<AccountingService, ChartView>(a => a.SetChartAsync(DemoSeeder.StoreId, new SetChart(defaults), CancellationToken.None));
        }
    }
}
