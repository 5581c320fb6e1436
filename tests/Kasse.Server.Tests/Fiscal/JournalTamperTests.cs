using System.Globalization;
using System.Security.Cryptography;
using Kasse.Application.CashControl;
using Kasse.Application.Fiscal;
using Kasse.Application.Sales;
using Kasse.Application.Staff;
using Kasse.Data;
using Kasse.Domain.CashControl;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.CashControl;
using Kasse.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Server.Tests.Fiscal;

/// <summary>
/// Someone who can write the database file rewrites the journal and recomputes every hash after the change, as the
/// issue's adversary did; <c>kasse journal verify</c> (the real command line) must still name what was done.
/// </summary>
public abstract class JournalTamperTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private sealed record Period(Shop Shop, SaleView First, SaleView Second, SaleView Newest, RegisterReport Z);

    /// <summary>
    /// A register's period closed by a Z: three receipts (the newest last), a voided sale, a drawer opened without a
    /// sale, and a price change in the store — a company of its own, so its counter is this shop's alone.
    /// </summary>
    private async Task<Period> PeriodAsync()
    {
        var company = "7" + (server.NextNumber() % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
        var shop = await _api.NewShopAsync(companyId: company);
        var coffee = await _api.NewProductAsync(42.50m, name: "Kaffe, økologisk");
        var tea = await _api.NewProductAsync(25.00m, name: "Te, grøn");
        var first = await _api.SellAsync(shop, PaymentMethod.Cash, (coffee, 2m));
        var voided = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(voided.Id, tea.Id);
        await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{voided.Id}/void", null));
        await KasseClient.Read<DrawerOpenedView>(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/drawer/open",
            new OpenDrawer(shop.CashierId, "Veksle en 500-seddel", new Approval(shop.SupervisorId, Shop.SupervisorPin))));
        await KasseClient.Read<object>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/products/{tea.Id}",
            new { sku = tea.Sku, name = tea.Name, price = 27.50m, vatPercent = 25m, barcodes = tea.Barcodes }));
        var second = await _api.SellAsync(shop, PaymentMethod.Card, (tea, 1m));
        var newest = await _api.SellAsync(shop, PaymentMethod.Cash, (coffee, 1m));
        var z = await _api.ZReportAsync(shop);
        return new Period(shop, first, second, newest, z);
    }

    private Task<CliResult> VerifyAsync(Guid storeId) => KasseProcess.RunAsync("journal", "verify",
        "--database", server.Provider.ToString(), "--connection", server.Database.ConnectionString, "--store", storeId.ToString());

    private async Task<T> InDatabaseAsync<T>(Func<KasseDbContext, Task<T>> work)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<KasseDbContext>());
    }

    /// <summary>
    /// Rewrites a store's journal as a careful forger would: the kept entries (with any payload changed) get gapless
    /// numbers and every hash recomputed, the head follows, and each report's stored place in the journal is moved with
    /// its entry. With <paramref name="fixAnchors"/> the reports' stored anchor hash is also set to the new chain's.
    /// </summary>
    private async Task ForgeJournalAsync(Guid storeId, Func<List<JournalEntry>, IEnumerable<(JournalEntry Entry, string Payload)>> edit,
        bool fixAnchors = true)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
        var entries = await db.JournalEntries.AsNoTracking().Where(e => e.StoreId == storeId).OrderBy(e => e.Sequence).ToListAsync();
        var rebuilt = new List<JournalEntry>();
        var moved = new Dictionary<long, JournalEntry>();
        var previous = JournalEntry.Genesis;
        foreach (var (entry, payload) in edit(entries))
        {
            var forged = JournalEntry.Append(rebuilt.Count, previous, storeId, entry.At, Enum.Parse<JournalEventKind>(entry.Kind),
                entry.RegisterId, entry.EmployeeId, entry.SaleId, payload);
            rebuilt.Add(forged);
            moved[entry.Sequence] = forged;
            previous = forged.Hash;
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.JournalEntries.Where(e => e.StoreId == storeId).ExecuteDeleteAsync();
        db.JournalEntries.AddRange(rebuilt);
        await db.SaveChangesAsync();
        foreach (var report in await db.RegisterReports.AsNoTracking().Where(r => r.StoreId == storeId).ToListAsync())
        {
            var entry = moved[report.JournalSequence];
            await db.RegisterReports.Where(r => r.Id == report.Id).ExecuteUpdateAsync(set => set
                .SetProperty(r => r.JournalSequence, entry.Sequence)
                .SetProperty(r => r.AnchorHash, fixAnchors ? entry.Hash : report.AnchorHash));
        }
        await db.JournalHeads.Where(h => h.StoreId == storeId).ExecuteUpdateAsync(set => set
            .SetProperty(h => h.LastSequence, rebuilt[^1].Sequence).SetProperty(h => h.LastHash, rebuilt[^1].Hash));
        await transaction.CommitAsync();
    }

    /// <summary>Deletes a receipt entirely and sets its register's signature chain back to the receipt before it.</summary>
    private async Task DeleteReceiptAsync(Period period, SaleView receipt, SaleView before, bool rollBackCounter)
    {
        await InDatabaseAsync(async db =>
        {
            await db.Sales.Where(s => s.Id == receipt.Id).ExecuteDeleteAsync();
            await db.Registers.Where(r => r.Id == period.Shop.Register.Id).ExecuteUpdateAsync(set => set.SetProperty(r => r.LastSignature, before.Signature));
            if (rollBackCounter)
                await db.CompanySequences.Where(c => c.CompanyId == period.Shop.Store.CompanyId)
                    .ExecuteUpdateAsync(set => set.SetProperty(c => c.LastNumber, c => c.LastNumber - 1));
            return 0;
        });
        await ForgeJournalAsync(period.Shop.Store.Id, entries => entries.Where(e => e.SaleId != receipt.Id).Select(e => (e, e.Payload)));
    }

    [Fact]
    public async Task An_honest_period_verifies_and_its_z_report_is_signed_over_the_journal_at_its_entry()
    {
        var period = await PeriodAsync();

        var result = await VerifyAsync(period.Shop.Store.Id);
        var stored = await InDatabaseAsync(db => db.RegisterReports.AsNoTracking().SingleAsync(r => r.Id == period.Z.Id));
        var entry = await InDatabaseAsync(db => db.JournalEntries.AsNoTracking()
            .SingleAsync(e => e.StoreId == period.Shop.Store.Id && e.Sequence == stored.JournalSequence));

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("intact", result.Output);
        Assert.Equal(entry.Hash, stored.AnchorHash);
        Assert.NotNull(stored.Signature);
        Assert.Contains("sales=3", stored.Coverage);
        Assert.Contains("SaleVoided=1", stored.Coverage);
        Assert.Contains("DrawerOpened=1", stored.Coverage);
    }

    [Fact]
    public async Task Deleting_a_void_and_a_no_sale_and_recomputing_the_chain_is_named()
    {
        var period = await PeriodAsync();

        await ForgeJournalAsync(period.Shop.Store.Id, entries => entries
            .Where(e => e.Kind != nameof(JournalEventKind.SaleVoided) && e.Kind != nameof(JournalEventKind.DrawerOpened)).Select(e => (e, e.Payload)));
        var result = await VerifyAsync(period.Shop.Store.Id);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Z report 1 of register 'Kasse 1' does not match what it covers", result.Error);
        Assert.Contains("it counted 1 drawer opening without a sale (13005), 1 voided sale (13028)", result.Error);
        Assert.Contains("now holds 0 drawer openings without a sale (13005), 0 voided sales (13028)", result.Error);
        Assert.Contains("has a signature that does not match it", result.Error);
    }

    [Fact]
    public async Task Rewriting_a_price_change_and_recomputing_the_chain_is_named()
    {
        var period = await PeriodAsync();
        IEnumerable<(JournalEntry, string)> Cheaper(List<JournalEntry> entries) => entries.Select(e => (e,
            e.Kind == nameof(JournalEventKind.PriceChanged) ? e.Payload.Replace("\"newPrice\":27.50", "\"newPrice\":2.75", StringComparison.Ordinal) : e.Payload));

        await ForgeJournalAsync(period.Shop.Store.Id, Cheaper, fixAnchors: false);
        var recomputed = await VerifyAsync(period.Shop.Store.Id);
        // The forger also sets the report's stored anchor to the new chain's hash: the signature over it no longer holds.
        await ForgeJournalAsync(period.Shop.Store.Id, entries => entries.Select(e => (e, e.Payload)));
        var anchorMoved = await VerifyAsync(period.Shop.Store.Id);

        Assert.Equal(1, recomputed.ExitCode);
        Assert.Contains("The journal was rewritten before Z report 1 of register 'Kasse 1'", recomputed.Error);
        Assert.Contains("no longer has the hash the report signed", recomputed.Error);
        Assert.Equal(1, anchorMoved.ExitCode);
        Assert.Contains("Z report 1 of register 'Kasse 1' has a signature that does not match it", anchorMoved.Error);
        Assert.DoesNotContain("does not match what it covers", anchorMoved.Error);
    }

    [Fact]
    public async Task Deleting_the_newest_receipt_with_the_register_and_the_counter_rolled_back_is_named()
    {
        var period = await PeriodAsync();

        await DeleteReceiptAsync(period, period.Newest, period.Second, rollBackCounter: true);
        var result = await VerifyAsync(period.Shop.Store.Id);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Z report 1 of register 'Kasse 1' does not match what it covers: it counted 3 receipts (3 sales, 0 returns), total 155.00, "
            + "receipt numbers 1–3", result.Error);
        Assert.Contains("now holds 2 receipts (2 sales, 0 returns), total 112.50, receipt numbers 1–2", result.Error);
    }

    [Fact]
    public async Task A_receipt_deleted_after_the_last_z_report_leaves_the_company_counter_above_the_highest_nr()
    {
        var period = await PeriodAsync();
        var after = await _api.SellAsync(period.Shop, PaymentMethod.Card, (await _api.NewProductAsync(12.00m), 1m));

        await DeleteReceiptAsync(period, after, period.Newest, rollBackCounter: false);
        var result = await VerifyAsync(period.Shop.Store.Id);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Company CVR {period.Shop.Store.CompanyId} has given out transaction numbers (nr) up to 4, but the highest nr of a transaction is 3: "
            + "the transaction with nr 4 is missing.", result.Error);
    }

    [Fact]
    public async Task A_report_whose_signature_was_removed_is_named()
    {
        var period = await PeriodAsync();
        await _api.SellAsync(period.Shop, PaymentMethod.Card, (await _api.NewProductAsync(10.00m), 1m));
        var second = await _api.ZReportAsync(period.Shop);

        await InDatabaseAsync(db => db.RegisterReports.Where(r => r.Id == second.Id).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.Signature, (string?)null).SetProperty(r => r.Coverage, (string?)null)));
        var result = await VerifyAsync(period.Shop.Store.Id);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Z report 2 of register 'Kasse 1' has no signature, although reports made before it are signed", result.Error);
    }

    [Fact]
    public async Task A_copy_of_the_database_holds_no_usable_private_key()
    {
        var shop = await _api.NewShopAsync(companyId: "6" + (server.NextNumber() % 10_000_000).ToString("D7", CultureInfo.InvariantCulture));
        var key = await InDatabaseAsync(db => db.SigningKeys.AsNoTracking().SingleAsync(k => k.CompanyId == shop.Store.CompanyId));
        // Another installation's key ring: what someone holding only a copy of the database can make.
        var elsewhere = DataProtectionProvider.Create(Directory.CreateTempSubdirectory("kasse-other-keys-"), setup => setup.SetApplicationName("Kasse"));
        var stolen = new SigningKeyProtector(elsewhere, KeyRingLocation.Default);

        Assert.True(key.IsSelfSigned);
        Assert.Throws<FormatException>(() => Convert.FromBase64String(key.PrivateKey!));
        using var rsa = RSA.Create();
        Assert.ThrowsAny<CryptographicException>(() => rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(key.PrivateKey![SigningKeyProtector.Prefix.Length..]), out _));
        var refused = Assert.Throws<Kasse.Domain.DomainException>(() => stolen.Unprotect(key));
        Assert.Equal("signing.key-ring-missing", refused.Code);
    }

    [Fact]
    public async Task A_key_stored_before_protection_is_protected_at_its_next_use_and_keeps_signing()
    {
        var shop = await _api.NewShopAsync(companyId: "5" + (server.NextNumber() % 10_000_000).ToString("D7", CultureInfo.InvariantCulture));
        var key = await InDatabaseAsync(db => db.SigningKeys.AsNoTracking().SingleAsync(k => k.CompanyId == shop.Store.CompanyId));
        var plain = await InDatabaseAsync(async db =>
        {
            await using var scope = server.Services.CreateAsyncScope();
            var pkcs8 = Convert.ToBase64String(scope.ServiceProvider.GetRequiredService<SigningKeyProtector>().Unprotect(key).Pkcs8);
            await db.SigningKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(set => set.SetProperty(k => k.PrivateKey, pkcs8));
            return pkcs8;
        });

        var sale = await _api.SellAsync(shop, PaymentMethod.Card, (await _api.NewProductAsync(19.95m), 1m));
        var stored = await InDatabaseAsync(db => db.SigningKeys.AsNoTracking().SingleAsync(k => k.Id == key.Id));
        var verified = await VerifyAsync(shop.Store.Id);

        Assert.Equal(key.KeyVersion, sale.KeyVersion);
        Assert.StartsWith(SigningKeyProtector.Prefix, stored.PrivateKey);
        Assert.DoesNotContain(plain, stored.PrivateKey);
        Assert.True(verified.ExitCode == 0, verified.Output + verified.Error);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class JournalTamperOnSqlite(SqliteServer server) : JournalTamperTests(server);

[Collection(PostgresCollection.Name)]
public sealed class JournalTamperOnPostgres(PostgresServer server) : JournalTamperTests(server);
