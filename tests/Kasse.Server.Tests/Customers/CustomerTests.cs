using System.Net;
using System.Net.Http.Json;
using Kasse.Application.Customers;
using Kasse.Application.Sales;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Customers;

public abstract class CustomerTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    [Fact]
    public async Task A_customer_is_found_by_phone_in_any_spelling_by_email_by_name_and_by_scanning_their_card()
    {
        var shop = await _api.NewShopAsync();
        var karen = await _api.NewCustomerAsync(shop, "Karen Blixen", phone: "+45 20 12 34 56", email: "Karen@Rungstedlund.dk", cardCode: "KORT-1001");
        await _api.NewCustomerAsync(shop, "Søren Kierkegaard", phone: "31 31 31 31");

        Assert.Equal(karen.Id, Assert.Single(await Search("20123456")).Id);
        Assert.Equal(karen.Id, Assert.Single(await Search("+4520123456")).Id);
        Assert.Equal(karen.Id, Assert.Single(await Search("20 12 34 56")).Id);
        Assert.Equal(karen.Id, Assert.Single(await Search("karen@rungstedlund")).Id);
        Assert.Equal(karen.Id, Assert.Single(await Search("BLIX")).Id);
        Assert.Equal(karen.Id, Assert.Single(await Search(karen.Number)).Id);
        Assert.Equal("Søren Kierkegaard", Assert.Single(await Search("søren")).Name);
        // A control character (a scanner's stray byte; PostgreSQL refuses a NUL in text) is searched without, never a 500.
        Assert.Equal("Søren Kierkegaard", Assert.Single(await Search("sø\0ren")).Name);

        var scanned = await KasseClient.Read<CustomerView>(await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/customers/by-card/KORT-1001"));
        Assert.Equal(karen.Id, scanned.Id);
        await KasseClient.Problem(await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/customers/by-card/KORT-9999"), HttpStatusCode.NotFound, "customer.card-unknown");

        async Task<IReadOnlyList<CustomerView>> Search(string q) =>
            await KasseClient.Read<IReadOnlyList<CustomerView>>(await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/customers?q={Uri.EscapeDataString(q)}"));
    }

    [Fact]
    public async Task A_profile_with_a_bad_phone_or_email_or_a_card_already_used_is_refused_with_a_reason()
    {
        var shop = await _api.NewShopAsync();
        await _api.NewCustomerAsync(shop, cardCode: "KORT-7");
        var path = $"/api/v1/stores/{shop.Store.Id}/customers";
        await KasseClient.Problem(await _api.PostAsync(path, new SaveCustomer(Guid.CreateVersion7(), "A", Phone: "ring mig")), HttpStatusCode.BadRequest, "customer.phone");
        await KasseClient.Problem(await _api.PostAsync(path, new SaveCustomer(Guid.CreateVersion7(), "A", Email: "ingen-snabel-a")), HttpStatusCode.BadRequest, "customer.email");
        await KasseClient.Problem(await _api.PostAsync(path, new SaveCustomer(Guid.CreateVersion7(), " ")), HttpStatusCode.BadRequest, "customer.name");
        await KasseClient.Problem(await _api.PostAsync(path, new SaveCustomer(Guid.CreateVersion7(), "B", CardCode: "KORT-7")), HttpStatusCode.Conflict, "customer.card-used");
    }

    [Fact]
    public async Task A_customer_attached_to_a_sale_carries_their_group_and_sees_the_sale_in_their_history()
    {
        var shop = await _api.NewShopAsync();
        var group = await KasseClient.Read<CustomerGroupView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/stores/{shop.Store.Id}/customer-groups",
            new { id = Guid.CreateVersion7(), name = "Personale" }));
        var customer = await _api.NewCustomerAsync(shop, "Ida Personale", groupId: group.Id);
        var bread = await _api.NewProductAsync(25.00m, name: "Rugbrød");

        var sale = await _api.OpenSaleAsync(shop);
        var attached = await _api.AttachAsync(sale.Id, customer.Id);
        Assert.Equal((customer.Id, group.Id), (attached.CustomerId, attached.CustomerGroupId));
        var detached = await _api.AttachAsync(sale.Id, null);
        Assert.Equal((null, null), (detached.CustomerId, detached.CustomerGroupId));
        await _api.AttachAsync(sale.Id, customer.Id);
        await _api.AddProductAsync(sale.Id, bread.Id, 2m);
        await _api.PayAsync(sale.Id, PaymentMethod.Card);
        var sold = await _api.CompleteAsync(sale.Id);

        var history = await KasseClient.Read<IReadOnlyList<CustomerSaleView>>(await _api.Http.GetAsync($"/api/v1/customers/{customer.Id}/sales"));
        var entry = Assert.Single(history);
        Assert.Equal((sold.Id, 50.00m), (entry.SaleId, entry.TotalAmount));
        Assert.Contains(entry.Items, i => i.Contains("Rugbrød", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_customer_of_another_store_cannot_be_attached_and_a_paid_sale_cannot_change_customer()
    {
        var shop = await _api.NewShopAsync();
        var other = await _api.NewShopAsync();
        var stranger = await _api.NewCustomerAsync(other, "Fremmed");
        var mine = await _api.NewCustomerAsync(shop, "Min kunde");
        var sale = await _api.OpenSaleAsync(shop);
        await KasseClient.Problem(await _api.TryAttachAsync(sale.Id, stranger.Id), HttpStatusCode.BadRequest, "customer.other-store");
        await KasseClient.Problem(await _api.TryAttachAsync(sale.Id, Guid.CreateVersion7()), HttpStatusCode.NotFound, "customer.not-found");

        await _api.AddProductAsync(sale.Id, (await _api.NewProductAsync(10m)).Id);
        await _api.PayAsync(sale.Id, PaymentMethod.Card);
        await KasseClient.Problem(await _api.TryAttachAsync(sale.Id, mine.Id), HttpStatusCode.Conflict, "sale.has-payments");
    }

    [Fact]
    public async Task Exporting_a_customer_gives_their_profile_sales_and_points_as_json_and_is_audited()
    {
        var shop = await _api.NewShopAsync();
        var customer = await _api.NewCustomerAsync(shop, "Eksport Jensen", phone: "40404040", email: "eksport@example.dk");
        await _api.SellToAsync(shop, customer.Id, (await _api.NewProductAsync(12.50m), 1m));

        var response = await _api.Http.GetAsync($"/api/v1/customers/{customer.Id}/export");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var export = await KasseClient.Read<CustomerExport>(response);
        Assert.Equal(("Eksport Jensen", "40404040", "eksport@example.dk"), (export.Profile.Name, export.Profile.Phone, export.Profile.Email));
        Assert.Equal(12.50m, Assert.Single(export.Sales).TotalAmount);

        var audit = await _api.Http.GetStringAsync($"/api/v1/audit?storeId={shop.Store.Id}");
        Assert.Contains("CustomerExported", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasing_a_customer_blanks_the_profile_and_unlinks_their_sales_but_the_receipts_and_journal_stay_intact()
    {
        var shop = await _api.NewShopAsync();
        var customer = await _api.NewCustomerAsync(shop, "Glem Mig", phone: "50505050", email: "glem@example.dk", cardCode: "GLEM-1");
        var sold = await _api.SellToAsync(shop, customer.Id, (await _api.NewProductAsync(30.00m), 1m));

        await KasseClient.Problem(await _api.PostAsync($"/api/v1/customers/{customer.Id}/erasure", new EraseCustomer("")), HttpStatusCode.BadRequest, "customer.erase-reason");
        var erased = await KasseClient.Read<CustomerView>(await _api.PostAsync($"/api/v1/customers/{customer.Id}/erasure", new EraseCustomer("Kundens anmodning")));

        Assert.True(erased.IsErased);
        Assert.Equal((Kasse.Domain.Customers.Customer.ErasedName, null, null, null), (erased.Name, erased.Phone, erased.Email, erased.CardCode));
        Assert.DoesNotContain("Glem", erased.Number, StringComparison.Ordinal);
        var receipt = await _api.GetSaleAsync(sold.Id);
        Assert.Null(receipt.CustomerId);
        Assert.Equal((SaleStatus.Completed, sold.TotalAmount, sold.ReceiptNumber, sold.Signature), (receipt.Status, receipt.TotalAmount, receipt.ReceiptNumber, receipt.Signature));
        Assert.Empty(await KasseClient.Read<IReadOnlyList<CustomerView>>(await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/customers?q=50505050")));
        await KasseClient.Problem(await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/customers/by-card/GLEM-1"), HttpStatusCode.NotFound);

        var verification = await KasseClient.Read<JournalVerification>(await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/journal/verification"));
        Assert.True(verification.IsIntact, verification.FirstBreak?.Problem);
        var audit = await _api.Http.GetStringAsync($"/api/v1/audit?storeId={shop.Store.Id}");
        Assert.Contains("CustomerErased", audit, StringComparison.Ordinal);
        await KasseClient.Problem(await _api.SendAsync(HttpMethod.Put, $"/api/v1/customers/{customer.Id}", new SaveCustomer(customer.Id, "Igen")),
            HttpStatusCode.Conflict, "customer.erased");
    }

    [Fact]
    public async Task A_cashier_may_find_customers_but_not_export_or_erase_them()
    {
        var shop = await _api.NewShopAsync();
        var customer = await _api.NewCustomerAsync(shop, "Beskyttet");
        var cashier = await server.ClientAsAsync("Cashier", shop.Store.Id);
        Assert.Equal(HttpStatusCode.OK, (await cashier.Http.GetAsync($"/api/v1/customers/{customer.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cashier.Http.GetAsync($"/api/v1/customers/{customer.Id}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cashier.PostAsync($"/api/v1/customers/{customer.Id}/erasure", new EraseCustomer("x"))).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CustomersOnSqlite(SqliteServer server) : CustomerTests(server);

[Collection(PostgresCollection.Name)]
public sealed class CustomersOnPostgres(PostgresServer server) : CustomerTests(server);
