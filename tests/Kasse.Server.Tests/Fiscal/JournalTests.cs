using System.Net.Http.Json;
using Kasse.Application.Sales;
using Kasse.Data;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kasse.Server.Api.FiscalEndpoints;

namespace Kasse.Server.Tests.Fiscal;

public abstract class JournalTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private async Task<List<JournalEntryView>> JournalAsync(Guid storeId) =>
        (await _api.Http.GetFromJsonAsync<List<JournalEntryView>>($"/api/v1/stores/{storeId}/journal?take=1000", KasseClient.Json))!;

    private async Task<JournalVerification> VerifyAsync(Guid storeId) =>
        (await _api.Http.GetFromJsonAsync<JournalVerification>($"/api/v1/stores/{storeId}/journal/verification", KasseClient.Json))!;

    /// <summary>Changes the database behind Kasse's back, as someone with database access could.</summary>
    private async Task TamperAsync(FormattableString sql)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
        Assert.True(await db.Database.ExecuteSqlAsync(sql) > 0, "The tampering changed nothing: " + sql.Format);
    }

    private async Task<(Shop Shop, SaleView Sale, SaleView Return)> TradeAsync()
    {
        var shop = await _api.NewShopAsync();
        var coffee = await _api.NewProductAsync(42.50m, name: "Kaffe, økologisk");
        var parked = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(parked.Id, coffee.Id);
        await _api.PostAsync($"/api/v1/sales/{parked.Id}/park", null);
        await _api.PostAsync($"/api/v1/sales/{parked.Id}/resume", new { registerId = shop.Register.Id });
        await _api.PostAsync($"/api/v1/sales/{parked.Id}/void", null);
        var sale = await _api.SellAsync(shop, PaymentMethod.Cash, (coffee, 3m));
        var ret = await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sale.Id,
            [new ReturnLineRequest(sale.Lines[0].Id, 1m)]));
        return (shop, sale, ret);
    }

    [Fact]
    public async Task Every_event_is_journaled_in_order_with_its_saf_t_code_and_the_chain_verifies()
    {
        var (shop, sale, ret) = await TradeAsync();

        var journal = await JournalAsync(shop.Store.Id);
        var verification = await VerifyAsync(shop.Store.Id);

        Assert.Equal(["13010", "13011", "13028", "13012", "13013"], journal.Select(e => e.EventCode));
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(e => e.Sequence));
        Assert.Equal(JournalEntry.Genesis, journal[0].PreviousHash);
        Assert.All(journal.Skip(1), (e, i) => Assert.Equal(journal[i].Hash, e.PreviousHash));
        var receipt = journal.Single(e => e.EventCode == "13012");
        Assert.Equal(sale.Id, receipt.SaleId);
        Assert.Contains("\"receiptNumber\":1", receipt.Payload);
        Assert.Contains("\"transactionType\":\"11001\"", receipt.Payload);
        Assert.Contains("\"paymentType\":\"12001\"", receipt.Payload);
        Assert.Contains("\"total\":127.50", receipt.Payload);
        Assert.Contains("\"transactionType\":\"11006\"", journal.Single(e => e.SaleId == ret.Id).Payload);
        Assert.True(verification.IsIntact, verification.FirstBreak?.Problem);
        Assert.Equal(5, verification.EntriesChecked);
        Assert.Equal(2, verification.SalesChecked);
    }

    [Fact]
    public async Task A_price_change_is_journaled_in_the_store()
    {
        var shop = await _api.NewShopAsync();
        var tea = await _api.NewProductAsync(25.00m);

        await KasseClient.Read<object>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/products/{tea.Id}",
            new { sku = tea.Sku, name = tea.Name, price = 27.50m, vatPercent = 25m, barcodes = tea.Barcodes }));

        var change = Assert.Single(await JournalAsync(shop.Store.Id), e => e.EventCode == "13021");
        Assert.Contains("\"oldPrice\":25.00", change.Payload);
        Assert.Contains("\"newPrice\":27.50", change.Payload);
    }

    [Fact]
    public async Task A_receipt_edited_in_the_database_is_detected()
    {
        var (shop, sale, _) = await TradeAsync();

        await TamperAsync($"""UPDATE "Sales" SET "TotalAmount" = "TotalAmount" - 1000 WHERE "Id" = {sale.Id}""");
        var verification = await VerifyAsync(shop.Store.Id);

        Assert.False(verification.IsIntact);
        Assert.Contains("Receipt 1", verification.FirstBreak!.Problem);
        Assert.Contains("changed after it was completed", verification.FirstBreak.Problem);
    }

    [Fact]
    public async Task A_receipt_line_edited_in_the_database_is_detected()
    {
        var (shop, sale, _) = await TradeAsync();

        await TamperAsync($"""UPDATE "SaleLines" SET "Quantity" = 1000 WHERE "Id" = {sale.Lines[0].Id}""");

        Assert.Contains("changed after it was completed", (await VerifyAsync(shop.Store.Id)).FirstBreak?.Problem);
    }

    [Fact]
    public async Task An_edited_journal_entry_is_detected()
    {
        var (shop, _, _) = await TradeAsync();

        await TamperAsync($"""UPDATE "JournalEntries" SET "Payload" = REPLACE("Payload", '127.50', '12.50') WHERE "StoreId" = {shop.Store.Id} AND "Sequence" = 4""");
        var verification = await VerifyAsync(shop.Store.Id);

        Assert.Equal(4, verification.FirstBreak?.Sequence);
        Assert.Contains("changed after it was written", verification.FirstBreak!.Problem);
    }

    [Fact]
    public async Task An_edited_entry_with_a_recomputed_hash_still_breaks_the_chain_at_the_next_entry()
    {
        var (shop, _, _) = await TradeAsync();
        var entry = (await JournalAsync(shop.Store.Id))[2];
        var forged = JournalEntry.Append(entry.Sequence - 1, entry.PreviousHash, shop.Store.Id, entry.At,
            Enum.Parse<JournalEventKind>(entry.Kind), entry.RegisterId, entry.EmployeeId, entry.SaleId, entry.Payload.Replace("42.50", "4.25", StringComparison.Ordinal));

        await TamperAsync($"""UPDATE "JournalEntries" SET "Payload" = {forged.Payload}, "Hash" = {forged.Hash} WHERE "StoreId" = {shop.Store.Id} AND "Sequence" = 3""");
        var verification = await VerifyAsync(shop.Store.Id);

        Assert.Equal(4, verification.FirstBreak?.Sequence);
        Assert.Contains("does not follow", verification.FirstBreak!.Problem);
    }

    [Fact]
    public async Task A_deleted_journal_entry_is_detected_in_the_middle_and_at_the_end()
    {
        var (shop, _, _) = await TradeAsync();
        var (other, _, _) = await TradeAsync();

        await TamperAsync($"""DELETE FROM "JournalEntries" WHERE "StoreId" = {shop.Store.Id} AND "Sequence" = 2""");
        await TamperAsync($"""DELETE FROM "JournalEntries" WHERE "StoreId" = {other.Store.Id} AND "Sequence" = 5""");
        var middle = await VerifyAsync(shop.Store.Id);
        var end = await VerifyAsync(other.Store.Id);

        Assert.Equal(2, middle.FirstBreak?.Sequence);
        Assert.Contains("missing", middle.FirstBreak!.Problem);
        Assert.Contains("missing", end.FirstBreak?.Problem);
    }

    [Fact]
    public async Task Reordered_journal_entries_are_detected()
    {
        var (shop, _, _) = await TradeAsync();

        // Swap entries 1 and 2 by their sequence numbers (through a free number, as the pair is unique).
        await TamperAsync($"""UPDATE "JournalEntries" SET "Sequence" = 99 WHERE "StoreId" = {shop.Store.Id} AND "Sequence" = 1""");
        await TamperAsync($"""UPDATE "JournalEntries" SET "Sequence" = 1 WHERE "StoreId" = {shop.Store.Id} AND "Sequence" = 2""");
        await TamperAsync($"""UPDATE "JournalEntries" SET "Sequence" = 2 WHERE "StoreId" = {shop.Store.Id} AND "Sequence" = 99""");

        Assert.Equal(1, (await VerifyAsync(shop.Store.Id)).FirstBreak?.Sequence);
    }

    [Fact]
    public async Task Tills_completing_at_once_leave_one_gapless_unbroken_chain()
    {
        var shop = await _api.NewShopAsync();
        var register2 = await _api.NewRegisterAsync(shop.Store.Id, "Kasse 2");
        var item = await _api.NewProductAsync(10.00m);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            server.Client().SellAsync(i % 2 == 0 ? shop : shop with { Register = register2 }, PaymentMethod.Card, (item, 1m))));
        var verification = await VerifyAsync(shop.Store.Id);

        Assert.True(verification.IsIntact, verification.FirstBreak?.Problem);
        Assert.Equal(16, verification.SalesChecked);
        Assert.Equal(16, verification.EntriesChecked);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class JournalOnSqlite(SqliteServer server) : JournalTests(server);

[Collection(PostgresCollection.Name)]
public sealed class JournalOnPostgres(PostgresServer server) : JournalTests(server);
