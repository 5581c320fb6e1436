using System.Net;
using System.Net.Http.Json;
using Kasse.Application.Catalog;
using Kasse.Application.Staff;
using Kasse.Server.Tests.Infrastructure;
using static Kasse.Server.Api.FiscalEndpoints;

namespace Kasse.Server.Tests.Fiscal;

public abstract class TillEventTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private async Task<List<JournalEntryView>> JournalAsync(Guid storeId) =>
        (await _api.Http.GetFromJsonAsync<List<JournalEntryView>>($"/api/v1/stores/{storeId}/journal?take=1000", KasseClient.Json))!;

    [Fact]
    public async Task A_cashier_signs_in_with_the_right_pin_only_and_both_sign_in_and_out_are_journaled()
    {
        var shop = await _api.NewShopAsync();

        await KasseClient.Problem(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/sign-in", new { employeeId = shop.CashierId, pin = "9999" }),
            HttpStatusCode.Forbidden, "employee.sign-in-failed");
        await KasseClient.Problem(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/sign-in", new { employeeId = Guid.CreateVersion7(), pin = "1111" }),
            HttpStatusCode.Forbidden, "employee.sign-in-failed");
        var signedIn = await KasseClient.Read<EmployeeView>(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/sign-in", new { employeeId = shop.CashierId, pin = "1111" }));
        await KasseClient.Read<EmployeeView>(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/sign-out", new { employeeId = shop.CashierId }));

        Assert.Equal(shop.CashierId, signedIn.Id);
        var journal = await JournalAsync(shop.Store.Id);
        Assert.Equal(["13003", "13004"], journal.Select(e => e.EventCode));
        Assert.All(journal, e => Assert.Equal(shop.CashierId, e.EmployeeId));
        Assert.DoesNotContain("1111", string.Concat(journal.Select(e => e.Payload)));
    }

    [Fact]
    public async Task A_price_check_at_the_till_answers_and_is_journaled_but_a_catalogue_look_up_is_not()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(17.95m, name: "Flødeboller");

        var check = await KasseClient.Read<BarcodeLookup>(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/price-checks",
            new { barcode = item.Barcodes[0], employeeId = shop.CashierId }));
        await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/barcodes/{item.Barcodes[0]}");
        await KasseClient.Problem(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/price-checks", new { barcode = _api.NewEan13() }),
            HttpStatusCode.NotFound, "barcode.unknown");

        Assert.Equal(17.95m, check.Product.Price);
        var entry = Assert.Single(await JournalAsync(shop.Store.Id));
        Assert.Equal("13022", entry.EventCode);
        Assert.Contains("\"price\":17.95", entry.Payload);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TillEventsOnSqlite(SqliteServer server) : TillEventTests(server);

[Collection(PostgresCollection.Name)]
public sealed class TillEventsOnPostgres(PostgresServer server) : TillEventTests(server);
