using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kasse.Application.CashControl;
using Kasse.Application.Customers;
using Kasse.Application.Inventory;
using Kasse.Application.Printing;
using Kasse.Application.Sales;
using Kasse.Application.Staff;
using Kasse.Application.Stores;
using Kasse.Domain.CashControl;
using Kasse.Domain.Devices;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Kasse.Server.Tests.Customers;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Server.Tests.Inventory;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Server.Tests.Stores;

/// <summary>
/// Stores are a security boundary. Walks every endpoint the app maps with an Owner key limited to store A and asks
/// about store B's things (its store, register, sale, session, report, locations, count, transfer, order, printer,
/// customer, group, punch, employee) in the route, the query and a body built from the endpoint's own request type:
/// each one must refuse (403 store.not-yours / store.chain-wide-only, or 404). Endpoints that touch no one store's
/// data are listed below with the reason, so a new endpoint cannot be forgotten.
/// </summary>
public abstract class StoreBoundaryTests(KasseServer server)
{
    private readonly KasseClient _owner = server.Client();

    /// <summary>Endpoints about no one store: the shared catalogue, the roles, the caller itself.</summary>
    private static readonly Dictionary<string, string> StoreIndependent = new()
    {
        ["GET /api/v1/auth/me"] = "who the caller is",
        ["POST /api/v1/auth/sign-out"] = "ends the caller's own session",
        ["GET /api/v1/categories/"] = "the shared catalogue",
        ["POST /api/v1/categories/"] = "the shared catalogue (EditProducts)",
        ["GET /api/v1/products/"] = "the shared catalogue",
        ["POST /api/v1/products/"] = "the shared catalogue (EditProducts)",
        ["GET /api/v1/products/{productId:guid}"] = "the shared catalogue",
        ["PUT /api/v1/products/{productId:guid}"] = "the shared catalogue (EditProducts)",
        ["GET /api/v1/products/{productId:guid}/recipe/"] = "the shared catalogue",
        ["PUT /api/v1/products/{productId:guid}/recipe/"] = "the shared catalogue",
        ["DELETE /api/v1/products/{productId:guid}/recipe/"] = "the shared catalogue",
        ["PUT /api/v1/products/{productId:guid}/image"] = "the shared catalogue's picture (EditProducts)",
        ["DELETE /api/v1/products/{productId:guid}/image"] = "the shared catalogue's picture (EditProducts)",
        ["GET /api/v1/favourites/"] = "the till's favourites are chosen from the shared catalogue, the same in every store",
        ["GET /api/v1/products/{productId:guid}/stock"] = "the shared catalogue's product; ?storeId= is checked and, left out, filled in with a one-store caller's store",
        ["GET /api/v1/products/{productId:guid}/stock-movements"] = "the shared catalogue's product; ?storeId= is checked and, left out, filled in with a one-store caller's store",
        ["GET /api/v1/suppliers/"] = "suppliers are the chain's",
        ["POST /api/v1/suppliers/"] = "suppliers are the chain's",
        ["GET /api/v1/suppliers/{supplierId:guid}"] = "suppliers are the chain's",
        ["PUT /api/v1/suppliers/{supplierId:guid}"] = "suppliers are the chain's",
        ["GET /api/v1/suppliers/{supplierId:guid}/products"] = "suppliers are the chain's",
        ["PUT /api/v1/suppliers/{supplierId:guid}/products/{productId:guid}"] = "suppliers are the chain's",
        ["DELETE /api/v1/suppliers/{supplierId:guid}/products/{productId:guid}"] = "suppliers are the chain's",
        ["GET /api/v1/promotions/"] = "promotions carry their StoreId: other stores' are dropped",
        ["GET /api/v1/coupons/"] = "coupons belong to promotions",
        ["POST /api/v1/coupons/"] = "coupons belong to promotions",
        ["GET /api/v1/coupons/{couponId:guid}"] = "coupons belong to promotions",
        ["PUT /api/v1/coupons/{couponId:guid}"] = "coupons belong to promotions",
        ["DELETE /api/v1/coupons/{couponId:guid}"] = "coupons belong to promotions",
        ["GET /api/v1/price-lists/"] = "price lists carry their StoreId: other stores' are dropped",
        ["GET /api/v1/roles/"] = "the permission matrix is read by all who manage staff",
        ["GET /api/v1/permissions"] = "the catalogue of permissions",
        ["GET /api/v1/settings/approvals/"] = "the chain's approval limit, read by every till",
        ["GET /api/v1/fraud/rules"] = "the chain's rule thresholds",
        ["GET /api/v1/employees/"] = "the service lists only people who work in the caller's stores",
        ["GET /api/v1/api-keys/"] = "the service lists only keys within the caller's stores",
        ["DELETE /api/v1/api-keys/{keyId:guid}"] = "the service refuses a key reaching beyond the caller's stores",
        ["GET /api/v1/stores/"] = "lists only the caller's stores",
        ["GET /api/v1/print-jobs/"] = "jobs carry their StoreId: other stores' are dropped",
        ["GET /api/v1/receipts/{code}"] = "the sale found carries its StoreId and is refused after the lookup",
        ["GET /api/v1/timesheets/payroll.csv"] = "the service lists only the people who work in the caller's stores",
    };

    private sealed record Mapped(string Method, string Pattern, Type? Body)
    {
        public override string ToString() => $"{Method} {Pattern}";
    }

    private List<Mapped> Endpoints() => server.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<AnonymousBecause>() is null && e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
        .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            .Select(m => new Mapped(m, "/" + e.RoutePattern.RawText!.TrimStart('/'), e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType)))
        .ToList();

    /// <summary>A store's things, made by the chain-wide owner.</summary>
    private async Task<Dictionary<string, Guid>> StoreThingsAsync()
    {
        var shop = await _owner.NewShopAsync();
        var product = await _owner.NewProductAsync(20m);
        var sale = await _owner.SellAsync(shop, PaymentMethod.Card, (product, 1m));
        var session = await KasseClient.Read<SessionView>(await _owner.PostAsync($"/api/v1/registers/{shop.Register.Id}/sessions",
            new OpenSession(Guid.CreateVersion7(), 500m, shop.CashierId)));
        var report = await KasseClient.Read<RegisterReport>(await _owner.PostAsync($"/api/v1/registers/{shop.Register.Id}/x-reports",
            new MakeReport(Guid.CreateVersion7(), shop.SupervisorId)));
        var floor = await _owner.FloorAsync(shop);
        var back = await _owner.NewLocationAsync(shop.Store.Id, "Baglager");
        await _owner.AdjustAsync(floor.Id, product.Id, 10m);
        var count = await KasseClient.Read<StockCountView>(await _owner.PostAsync("/api/v1/stock-counts", new StartCount(Guid.CreateVersion7(), back.Id)));
        var transfer = await KasseClient.Read<TransferView>(await _owner.PostAsync("/api/v1/stock-transfers",
            new SendTransfer(Guid.CreateVersion7(), floor.Id, back.Id, [new TransferItem(product.Id, 1m)])));
        var supplier = await KasseClient.Read<SupplierView>(await _owner.PostAsync("/api/v1/suppliers", new SaveSupplier(Guid.CreateVersion7(), $"Grossist {server.NextNumber()}")));
        var order = await KasseClient.Read<PurchaseOrderView>(await _owner.PostAsync("/api/v1/purchase-orders",
            new CreatePurchaseOrder(Guid.CreateVersion7(), shop.Store.Id, supplier.Id)));
        var printer = await KasseClient.Read<PrinterView>(await _owner.PostAsync($"/api/v1/stores/{shop.Store.Id}/printers",
            new SavePrinter(Guid.CreateVersion7(), "Bon", PrinterRole.Receipt, PrinterConnection.Network, "127.0.0.1:9", shop.Register.Id)));
        var customer = await _owner.NewCustomerAsync(shop, "Karen Kunde");
        var group = Guid.CreateVersion7();
        await KasseClient.Read<object>(await _owner.SendAsync(HttpMethod.Put, $"/api/v1/stores/{shop.Store.Id}/customer-groups", new { id = group, name = "Stamkunder" }));
        var punch = await KasseClient.Read<PunchView>(await _owner.PostAsync("/api/v1/time-clock/punches",
            new { employeeId = shop.CashierId, kind = "ClockIn", registerId = shop.Register.Id }));
        return new(StringComparer.OrdinalIgnoreCase)
        {
            ["storeId"] = shop.Store.Id, ["fromStoreId"] = shop.Store.Id, ["registerId"] = shop.Register.Id, ["saleId"] = sale.Id,
            ["originalSaleId"] = sale.Id, ["sessionId"] = session.Id, ["reportId"] = report.Id, ["locationId"] = floor.Id,
            ["fromLocationId"] = floor.Id, ["toLocationId"] = back.Id, ["countId"] = count.Id, ["transferId"] = transfer.Id, ["orderId"] = order.Id,
            ["printerId"] = printer.Id, ["customerId"] = customer.Id, ["groupId"] = group, ["punchId"] = punch.Id, ["employeeId"] = shop.CashierId,
            ["productId"] = product.Id, ["supplierId"] = supplier.Id,
        };
    }

    [Fact]
    public async Task A_key_of_one_store_is_refused_everything_of_another_store_on_every_endpoint()
    {
        var b = await StoreThingsAsync();
        var a = await StoreThingsAsync();
        var key = new KasseClient(server.CreateClient(await server.NewApiKeyAsync(nameof(Role.Owner), [a["storeId"]])), server);
        var endpoints = Endpoints();
        var failures = new List<string>();
        var refused = 0;
        foreach (var endpoint in endpoints)
        {
            if (StoreIndependent.ContainsKey(endpoint.ToString()))
                continue;
            var (status, code, body) = await CallAsync(key, endpoint, b);
            var ok = (status == HttpStatusCode.Forbidden && code is "store.not-yours" or "store.chain-wide-only") || status == HttpStatusCode.NotFound;
            if (ok)
                refused++;
            else
                failures.Add($"{endpoint}: expected 403 store.not-yours (or 404) for store B's things, got {(int)status} {code} {body[..Math.Min(body.Length, 160)]}");
        }
        // The same key with its own store's things is never refused for the store (the boundary must not over-reach,
        // e.g. by walking a service the handler takes); what only a chain-wide caller may do stays refused.
        foreach (var endpoint in endpoints)
        {
            var (status, code, body) = await CallAsync(key, endpoint, a);
            if (code == "store.not-yours")
                failures.Add($"{endpoint}: refused store A's own things: {body[..Math.Min(body.Length, 160)]}");
        }
        Assert.True(endpoints.Count > 150, $"Expected the whole API, found {endpoints.Count} endpoints.");
        Assert.True(refused > 100, $"Only {refused} endpoints refused.");
        Assert.True(failures.Count == 0, "A new endpoint must refuse other stores' things (or be listed in StoreIndependent with why):\n" + string.Join("\n", failures));
        Assert.Empty(StoreIndependent.Keys.Except(endpoints.Select(e => e.ToString())));
    }

    [Fact]
    public async Task A_cashier_key_of_store_A_sees_only_As_sales_and_cannot_list_customers_wholesale_while_a_chain_wide_owner_sees_both()
    {
        var shopA = await _owner.NewShopAsync();
        var shopB = await _owner.NewShopAsync();
        var product = await _owner.NewProductAsync(15m);
        var saleA = await _owner.SellAsync(shopA, PaymentMethod.Card, (product, 1m));
        var saleB = await _owner.SellAsync(shopB, PaymentMethod.Card, (product, 2m));
        await _owner.NewCustomerAsync(shopA, "Anna Andersen", phone: "20304050");
        var cashier = await server.ClientAsAsync(nameof(Role.Cashier), shopA.Store.Id);

        var salesA = await KasseClient.Read<List<SaleView>>(await cashier.Http.GetAsync($"/api/v1/stores/{shopA.Store.Id}/sales"));
        var salesB = await cashier.Http.GetAsync($"/api/v1/stores/{shopB.Store.Id}/sales");
        var saleOfB = await cashier.Http.GetAsync($"/api/v1/sales/{saleB.Id}");
        var receiptOfB = await cashier.Http.GetAsync($"/api/v1/sales/{saleB.Id}/receipt.txt");
        var sellInB = await cashier.PostAsync("/api/v1/sales", new OpenSale(Guid.CreateVersion7(), shopB.Register.Id, shopB.CashierId));
        var everyone = await cashier.Http.GetAsync($"/api/v1/stores/{shopA.Store.Id}/customers");
        var byPhone = await KasseClient.Read<List<CustomerView>>(await cashier.Http.GetAsync($"/api/v1/stores/{shopA.Store.Id}/customers?q=20304050"));
        var stores = await KasseClient.Read<List<StoreView>>(await cashier.Http.GetAsync("/api/v1/stores"));
        var journalOfB = await cashier.Http.GetAsync($"/api/v1/stores/{shopB.Store.Id}/journal");

        var ownerA = await KasseClient.Read<List<SaleView>>(await _owner.Http.GetAsync($"/api/v1/stores/{shopA.Store.Id}/sales"));
        var ownerB = await KasseClient.Read<List<SaleView>>(await _owner.Http.GetAsync($"/api/v1/stores/{shopB.Store.Id}/sales"));
        var ownerStores = await KasseClient.Read<List<StoreView>>(await _owner.Http.GetAsync("/api/v1/stores"));

        Assert.Equal([saleA.Id], salesA.Select(s => s.Id));
        await KasseClient.Problem(salesB, HttpStatusCode.Forbidden, "store.not-yours");
        await KasseClient.Problem(saleOfB, HttpStatusCode.Forbidden, "store.not-yours");
        await KasseClient.Problem(receiptOfB, HttpStatusCode.Forbidden, "store.not-yours");
        await KasseClient.Problem(sellInB, HttpStatusCode.Forbidden, "store.not-yours");
        await KasseClient.Problem(journalOfB, HttpStatusCode.Forbidden);
        await KasseClient.Problem(everyone, HttpStatusCode.BadRequest, "customer.query-required");
        Assert.Equal(["Anna Andersen"], byPhone.Select(c => c.Name));
        Assert.Equal([shopA.Store.Id], stores.Select(s => s.Id));
        Assert.Equal([saleA.Id], ownerA.Select(s => s.Id));
        Assert.Equal([saleB.Id], ownerB.Select(s => s.Id));
        Assert.Contains(ownerStores, s => s.Id == shopA.Store.Id);
        Assert.Contains(ownerStores, s => s.Id == shopB.Store.Id);
    }

    [Fact]
    public async Task A_store_key_reads_a_products_stock_and_movements_only_in_its_own_stores_locations()
    {
        var shopA = await _owner.NewShopAsync();
        var shopB = await _owner.NewShopAsync();
        var product = await _owner.NewProductAsync(9m);
        var floorA = await _owner.FloorAsync(shopA);
        var floorB = await _owner.FloorAsync(shopB);
        await _owner.AdjustAsync(floorA.Id, product.Id, 4m);
        await _owner.AdjustAsync(floorB.Id, product.Id, 7m);
        var webshopA = await server.ClientAsAsync(nameof(Role.Cashier), shopA.Store.Id);

        // No storeId named: a key of one store means its store, as for every list.
        var stock = await KasseClient.Read<ProductStockView>(await webshopA.Http.GetAsync($"/api/v1/products/{product.Id}/stock"));
        var movements = await KasseClient.Read<List<MovementView>>(await webshopA.Http.GetAsync($"/api/v1/products/{product.Id}/stock-movements"));
        var ofB = await webshopA.Http.GetAsync($"/api/v1/products/{product.Id}/stock?storeId={shopB.Store.Id}");
        var chainWide = await KasseClient.Read<ProductStockView>(await _owner.Http.GetAsync($"/api/v1/products/{product.Id}/stock"));

        Assert.Equal(4m, stock.OnHand);
        Assert.Equal([floorA.Id], stock.Locations.Select(l => l.LocationId));
        Assert.Equal([floorA.Id], movements.Select(m => m.LocationId));
        await KasseClient.Problem(ofB, HttpStatusCode.Forbidden, "store.not-yours");
        Assert.Equal(11m, chainWide.OnHand);
    }

    [Fact]
    public async Task Employees_belong_to_stores_and_cannot_sign_in_at_another_stores_till_nor_be_handed_stores_their_manager_lacks()
    {
        var shopA = await _owner.NewShopAsync();
        var shopB = await _owner.NewShopAsync();
        var manager = await server.ClientAsAsync(nameof(Role.Manager), shopA.Store.Id);
        var ownerOfA = await server.ClientAsAsync(nameof(Role.Owner), shopA.Store.Id);
        var till = server.SessionClient();

        var atB = await till.PostAsync($"/api/v1/registers/{shopB.Register.Id}/sign-in", new StaffSignIn(shopA.CashierId, "1111"));
        var atA = await till.PostAsync($"/api/v1/registers/{shopA.Register.Id}/sign-in", new StaffSignIn(shopA.CashierId, "1111"));
        var noStoreNamed = await _owner.PostAsync("/api/v1/employees", new { id = Guid.CreateVersion7(), name = "Uden butik", role = "Cashier", pin = "2468" });
        var cashierEverywhere = await _owner.PostAsync("/api/v1/employees",
            new { id = Guid.CreateVersion7(), name = "Overalt", role = "Cashier", pin = "2468", allStores = true });
        var intoB = await manager.PostAsync("/api/v1/employees", new { id = Guid.CreateVersion7(), name = "Flytter", role = "Cashier", pin = "2468", stores = new[] { shopB.Store.Id } });
        var ownHire = await KasseClient.Read<EmployeeView>(await manager.PostAsync("/api/v1/employees",
            new { id = Guid.CreateVersion7(), name = $"Ny i A {server.NextNumber()}", role = "Cashier", pin = "2468" }));
        var changeBsCashier = await manager.SendAsync(HttpMethod.Patch, $"/api/v1/employees/{shopB.CashierId}", new { pin = "9999" });
        var staff = await KasseClient.Read<List<EmployeeView>>(await manager.Http.GetAsync("/api/v1/employees"));
        var keyForB = await ownerOfA.PostAsync("/api/v1/api-keys", new { name = "kasse B", role = "Cashier", stores = new[] { shopB.Store.Id } });
        var chainKey = await _owner.PostAsync("/api/v1/api-keys", new { name = "hq", role = "Accountant", allStores = true });

        await KasseClient.Problem(atB, HttpStatusCode.Forbidden, "store.not-yours");
        Assert.Equal(HttpStatusCode.OK, atA.StatusCode);
        await KasseClient.Problem(noStoreNamed, HttpStatusCode.BadRequest, "employee.stores");
        await KasseClient.Problem(cashierEverywhere, HttpStatusCode.BadRequest, "employee.stores");
        await KasseClient.Problem(intoB, HttpStatusCode.Forbidden, "store.not-yours");
        Assert.Equal([shopA.Store.Id], ownHire.Stores);
        await KasseClient.Problem(changeBsCashier, HttpStatusCode.Forbidden, "store.not-yours");
        Assert.Contains(staff, e => e.Id == shopA.CashierId);
        Assert.DoesNotContain(staff, e => e.Id == shopB.CashierId);
        await KasseClient.Problem(keyForB, HttpStatusCode.Forbidden, "store.not-yours");
        Assert.True((await KasseClient.Read<CreatedApiKey>(chainKey)).Key.AllStores);
    }

    private sealed record StaffSignIn(Guid EmployeeId, string Pin);

    private static string Url(string pattern, IReadOnlyDictionary<string, Guid> b)
    {
        var parts = pattern.Split('/').Select(part =>
        {
            if (!part.StartsWith('{'))
                return part;
            var name = part.Trim('{', '}').Split(':')[0];
            return b.TryGetValue(name, out var id) ? id.ToString()
                : part.Contains(":guid", StringComparison.Ordinal) ? Guid.CreateVersion7().ToString()
                : part.Contains(":long", StringComparison.Ordinal) ? "1"
                : name switch { "day" => "2026-03-11", "name" => "Cashier", "rule" => "CashOverShort", _ => "x1234" };
        });
        var query = $"storeId={b["storeId"]}&printerId={b["printerId"]}&employeeId={b["employeeId"]}&registerId={b["registerId"]}&from=2026-03-01&to=2026-03-02&q=Karen";
        return string.Join('/', parts) + "?" + query;
    }

    private static async Task<(HttpStatusCode Status, string? Code, string Body)> CallAsync(KasseClient client, Mapped endpoint, IReadOnlyDictionary<string, Guid> b)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), Url(endpoint.Pattern, b));
        if (endpoint.Method is "POST" or "PUT" or "PATCH")
            request.Content = endpoint.Body is { } type && type != typeof(object)
                ? new StringContent(BodyFor(type, b, 0)?.ToJsonString() ?? "{}", System.Text.Encoding.UTF8, "application/json")
                : JsonContent.Create(new { });
        using var response = await client.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        string? code = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
            code = JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
        return (response.StatusCode, code, body);
    }

    /// <summary>A body the endpoint's request type binds, naming store B's things wherever it asks for an id.</summary>
    private static JsonNode? BodyFor(Type type, IReadOnlyDictionary<string, Guid> b, int depth, string? name = null)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(Guid))
            return JsonValue.Create(name is not null && b.TryGetValue(name, out var id) ? id : Guid.CreateVersion7());
        if (underlying == typeof(string))
            return JsonValue.Create(name switch
            {
                "role" or "Role" => "Cashier",
                "pin" or "Pin" => "2468",
                _ when name?.Contains("email", StringComparison.OrdinalIgnoreCase) == true => "a@example.dk",
                _ => "x1234",
            });
        if (underlying == typeof(Uri))
            return JsonValue.Create("http://127.0.0.1:9/");
        if (underlying == typeof(bool))
            return JsonValue.Create(false);
        if (underlying == typeof(decimal) || underlying == typeof(int) || underlying == typeof(long) || underlying == typeof(double))
            return JsonValue.Create(1);
        if (underlying == typeof(DateTimeOffset) || underlying == typeof(DateTime))
            return JsonValue.Create("2026-03-11T10:00:00Z");
        if (underlying == typeof(DateOnly))
            return JsonValue.Create("2026-03-11");
        if (underlying == typeof(TimeOnly))
            return JsonValue.Create("10:00:00");
        if (underlying.IsEnum)
            return JsonValue.Create(Enum.GetNames(underlying)[0]);
        if (name is "stores" or "Stores")
            return new JsonArray(JsonValue.Create(b["storeId"]));
        if (underlying.IsArray || (underlying.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(underlying)))
        {
            var element = underlying.IsArray ? underlying.GetElementType()! : underlying.GetGenericArguments()[0];
            return depth > 2 || underlying.GetGenericArguments().Length > 1 ? new JsonArray() : new JsonArray(BodyFor(element, b, depth + 1));
        }
        if (depth > 3 || !underlying.IsClass)
            return null;
        var constructor = underlying.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        var json = new JsonObject();
        foreach (var parameter in constructor?.GetParameters() ?? [])
            json[JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!)] = BodyFor(parameter.ParameterType, b, depth + 1, parameter.Name);
        return json;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class StoreBoundaryOnSqlite(SqliteServer server) : StoreBoundaryTests(server);

[Collection(PostgresCollection.Name)]
public sealed class StoreBoundaryOnPostgres(PostgresServer server) : StoreBoundaryTests(server);
