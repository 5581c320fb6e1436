using Kasse.Application.Demo;
using Kasse.Application.Staff;
using Kasse.Application.Stores;
using Kasse.Domain.Staff;

namespace Kasse.Browser.Tests.Staff;

/// <summary>
/// Stores limit the browser as they limit the API: a till offers only its own store's people, and a manager of
/// one store sees neither another store's staff nor that store in the back office, while the chain-wide owner does.
/// </summary>
public abstract class StoreBoundaryPagesTests(BrowserServer server)
{
    [Fact]
    public async Task A_till_offers_only_its_stores_people_and_a_one_store_manager_never_sees_the_other_store()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        // Named to sort after the demo store, which the back office's pages open on for a chain-wide owner.
        var cafe = await server.UseAsync<StoreService, StoreView>(s => s.CreateAsync(
            new CreateStore(Guid.CreateVersion7(), "Vinbar " + suffix, "Åboulevarden 3, 8000 Aarhus C", "12345678", "DK"), CancellationToken.None));
        var cafeTill = await server.UseAsync<StoreService, RegisterView>(s => s.CreateRegisterAsync(cafe.Id, Guid.CreateVersion7(), "Café-kasse", CancellationToken.None));
        var jonas = "Jonas " + suffix;
        await server.UseAsync<EmployeeService, EmployeeView>(s => s.CreateAsync(Guid.CreateVersion7(), jonas, nameof(Role.Cashier), "5678",
            Kasse.Domain.Languages.Danish, [cafe.Id], false, CancellationToken.None));
        var shopTill = await server.NewRegisterAsync("Kasse butik " + suffix);

        var shop = await server.NewPageAsync();
        await shop.GotoInteractiveAsync($"/till/{shopTill.Id}");
        await Assertions.Expect(shop.Locator($"[data-employee='{BrowserServer.CashierName}']")).ToHaveCountAsync(1);
        await Assertions.Expect(shop.Locator($"[data-employee='{jonas}']")).ToHaveCountAsync(0);
        var cafePage = await server.NewPageAsync();
        await cafePage.GotoInteractiveAsync($"/till/{cafeTill.Id}");
        await Assertions.Expect(cafePage.Locator($"[data-employee='{jonas}']")).ToHaveCountAsync(1);
        await Assertions.Expect(cafePage.Locator($"[data-employee='{BrowserServer.CashierName}']")).ToHaveCountAsync(0);

        var mette = await server.NewBackOfficePageAsync();
        await mette.GotoInteractiveAsync("/backoffice/users");
        await Assertions.Expect(mette.Locator($"[data-user='{BrowserServer.CashierName}']")).ToHaveCountAsync(1);
        await Assertions.Expect(mette.Locator($"[data-user='{jonas}']")).ToHaveCountAsync(0);
        await mette.GotoInteractiveAsync("/backoffice/stock");
        await Assertions.Expect(mette.GetByTestId("stock")).ToBeVisibleAsync();
        await Assertions.Expect(mette.GetByTestId("store-picker")).ToHaveCountAsync(0);

        var owner = await server.NewOwnerPageAsync();
        await owner.GotoInteractiveAsync("/backoffice/users");
        await Assertions.Expect(owner.Locator($"[data-user='{jonas}']")).ToHaveCountAsync(1);
        await owner.GotoInteractiveAsync("/backoffice/stock");
        await Assertions.Expect(owner.GetByTestId("store-picker").Locator($"option[value='{cafe.Id}']")).ToHaveCountAsync(1);
        await Artifacts.ScreenshotAsync(mette, $"backoffice-one-store-manager-{server.Provider.ToString().ToLowerInvariant()}");
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class StoreBoundaryPagesOnSqlite(SqliteBrowserServer server) : StoreBoundaryPagesTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class StoreBoundaryPagesOnPostgres(PostgresBrowserServer server) : StoreBoundaryPagesTests(server);
