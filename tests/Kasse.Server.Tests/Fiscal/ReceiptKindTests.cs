using System.Net;
using System.Net.Http.Json;
using Kasse.Application.Sales;
using Kasse.Application.Stores;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;
using static Kasse.Server.Api.FiscalEndpoints;

namespace Kasse.Server.Tests.Fiscal;

public abstract class ReceiptKindTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private async Task<List<JournalEntryView>> JournalAsync(Guid storeId) =>
        (await _api.Http.GetFromJsonAsync<List<JournalEntryView>>($"/api/v1/stores/{storeId}/journal?take=1000", KasseClient.Json))!;

    [Fact]
    public async Task A_copy_is_printed_once_marked_KOPI_and_journaled()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(45.00m);
        var sale = await _api.SellAsync(shop, PaymentMethod.Card, (item, 1m));

        var copy = await KasseClient.Read<PrintedReceipt>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/receipt/copy", null));
        await KasseClient.Problem(await _api.PostAsync($"/api/v1/sales/{sale.Id}/receipt/copy", null), HttpStatusCode.Conflict, "receipt.copy-printed");

        Assert.Equal(ReceiptCopyKind.Copy, copy.Receipt.Copy);
        Assert.Contains("*** KOPI ***", copy.Text);
        Assert.Contains("Bon nr. 1", copy.Text);
        Assert.Single(await JournalAsync(shop.Store.Id), e => e.EventCode == "13014" && e.SaleId == sale.Id);
        Assert.DoesNotContain("KOPI", await _api.Http.GetStringAsync($"/api/v1/sales/{sale.Id}/receipt.txt"));
    }

    [Fact]
    public async Task A_provisional_receipt_says_it_is_not_a_receipt_and_is_journaled()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(45.00m);
        var sale = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(sale.Id, item.Id, 2m);

        var provisional = await KasseClient.Read<PrintedReceipt>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/receipt/provisional", null));

        Assert.Contains("FORELØBIG - IKKE EN KVITTERING", provisional.Text);
        Assert.Contains("90,00", provisional.Text);
        Assert.DoesNotContain("Bon nr.", provisional.Text);
        Assert.Single(await JournalAsync(shop.Store.Id), e => e.EventCode == "13015");
        Assert.Equal(SaleStatus.Open, (await _api.GetSaleAsync(sale.Id)).Status);
    }

    [Fact]
    public async Task Training_mode_marks_receipts_as_training_and_journals_the_switches()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(20.00m);
        var on = await KasseClient.Read<RegisterView>(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/training", new { on = true, employeeId = shop.CashierId }));
        var practice = await _api.SellAsync(shop, PaymentMethod.Cash, (item, 1m));
        var text = await _api.Http.GetStringAsync($"/api/v1/sales/{practice.Id}/receipt.txt");
        await KasseClient.Read<RegisterView>(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/training", new { on = false }));
        var real = await _api.SellAsync(shop, PaymentMethod.Cash, (item, 1m));

        Assert.True(on.TrainingMode);
        Assert.True(practice.IsTraining);
        Assert.False(real.IsTraining);
        Assert.Contains("ØVELSE", text);
        var journal = await JournalAsync(shop.Store.Id);
        Assert.Equal(["13023", "13017", "13024", "13012"], journal.Select(e => e.EventCode));
        await KasseClient.Problem(await _api.TryReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, practice.Id,
            [new ReturnLineRequest(practice.Lines[0].Id, 1m)])), HttpStatusCode.Conflict, "return.training");
        var verification = await _api.Http.GetFromJsonAsync<JournalVerification>($"/api/v1/stores/{shop.Store.Id}/journal/verification", KasseClient.Json);
        Assert.True(verification!.IsIntact, verification.FirstBreak?.Problem);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReceiptKindsOnSqlite(SqliteServer server) : ReceiptKindTests(server);

[Collection(PostgresCollection.Name)]
public sealed class ReceiptKindsOnPostgres(PostgresServer server) : ReceiptKindTests(server);
