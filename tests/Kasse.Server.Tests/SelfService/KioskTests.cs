using System.Net;
using System.Net.Http.Json;
using Kasse.Application.Payments;
using Kasse.Application.Restaurant;
using Kasse.Application.Sales;
using Kasse.Application.SelfService;
using Kasse.Application.Staff;
using Kasse.Application.Stores;
using Kasse.Domain;
using Kasse.Domain.Payments;
using Kasse.Domain.Sales;
using Kasse.Domain.SelfService;
using Kasse.Domain.Staff;
using Kasse.Domain.Stores;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Server.Tests.SelfService;

/// <summary>
/// The self-service kiosk's rules (issue 23, docs/self-service.md): a manager marks a register as a kiosk and makes a one-time
/// pairing code; the paired kiosk acts as itself, on its own register only, with no cash, no voids, returns or discounts; its
/// paid order gets a short number per store and day, printed on the receipt and on the kitchen's ticket, and shows on the
/// pickup board as preparing, then ready once the kitchen bumps it.
/// </summary>
public abstract class KioskTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private sealed record Kiosk(Shop Shop, RegisterView Register, KioskIdentity Identity);

    private async Task<T> AsAsync<TService, T>(Actor actor, Func<TService, Task<T>> call) where TService : notnull
    {
        await using var scope = server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Value = actor;
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private static async Task<DomainException> RefusedAsync(Func<Task> call) => await Assert.ThrowsAsync<DomainException>(call);

    private async Task<KioskPairingCode> PairingCodeAsync(Guid registerId) =>
        await KasseClient.Read<KioskPairingCode>(await _api.PostAsync($"/api/v1/registers/{registerId}/kiosk/pairings", null));

    private async Task<Kiosk> NewKioskAsync()
    {
        var shop = await _api.NewShopAsync();
        var register = await _api.NewRegisterAsync(shop.Store.Id, "Kiosk " + server.NextNumber());
        await KasseClient.Read<RegisterView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/registers/{register.Id}/kind", new SetRegisterKind(RegisterKind.Kiosk)));
        var code = await PairingCodeAsync(register.Id);
        var paired = await AsAsync<KioskService, KioskPairing>(Actor.Anonymous, k => k.PairAsync(code.Code, CancellationToken.None));
        var identity = await AsAsync<KioskService, KioskIdentity?>(Actor.Anonymous, k => k.IdentifyAsync(paired.Token, CancellationToken.None));
        return new Kiosk(shop, register, identity!);
    }

    [Fact]
    public async Task A_manager_pairs_a_kiosk_register_once_a_cashier_may_not_and_a_register_made_a_till_again_loses_its_kiosk()
    {
        var shop = await _api.NewShopAsync();
        var register = await _api.NewRegisterAsync(shop.Store.Id, "Kiosk " + server.NextNumber());
        await KasseClient.Problem(await _api.PostAsync($"/api/v1/registers/{register.Id}/kiosk/pairings", null), HttpStatusCode.Conflict, KioskErrors.NotKiosk);

        var marked = await KasseClient.Read<RegisterView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/registers/{register.Id}/kind",
            new SetRegisterKind(RegisterKind.Kiosk)));
        var cashier = await server.ClientAsAsync(nameof(Role.Cashier), shop.Store.Id);
        await KasseClient.Problem(await cashier.PostAsync($"/api/v1/registers/{register.Id}/kiosk/pairings", null), HttpStatusCode.Forbidden);
        var code = await PairingCodeAsync(register.Id);
        var paired = await AsAsync<KioskService, KioskPairing>(Actor.Anonymous, k => k.PairAsync(code.Code, CancellationToken.None));
        var again = await RefusedAsync(() => AsAsync<KioskService, KioskPairing>(Actor.Anonymous, k => k.PairAsync(code.Code, CancellationToken.None)));
        var wrong = await RefusedAsync(() => AsAsync<KioskService, KioskPairing>(Actor.Anonymous, k => k.PairAsync("00000000", CancellationToken.None)));
        var kiosk = await AsAsync<KioskService, KioskIdentity?>(Actor.Anonymous, k => k.IdentifyAsync(paired.Token, CancellationToken.None));
        var devices = await KasseClient.Read<List<KioskDeviceView>>(await _api.Http.GetAsync($"/api/v1/registers/{register.Id}/kiosk/devices"));

        Assert.Equal(RegisterKind.Kiosk, marked.Kind);
        Assert.Matches("^[0-9]{8}$", code.Code);
        Assert.Equal(KioskErrors.PairingCode, again.Code);
        Assert.Equal(KioskErrors.PairingCode, wrong.Code);
        Assert.NotNull(kiosk);
        Assert.Equal((register.Id, shop.Store.Id), (kiosk.RegisterId, kiosk.StoreId));
        var actor = kiosk.Actor;
        Assert.Equal($"Kiosk {register.Name}", actor.Name);
        Assert.True(actor.IsKiosk);
        Assert.Equal(new HashSet<Permission> { Permission.Browse, Permission.Sell }, actor.Permissions.ToHashSet());
        Assert.Equal([shop.Store.Id], actor.Stores!);
        Assert.Null(actor.EmployeeId);
        Assert.True(Assert.Single(devices).IsActive);

        await KasseClient.Read<RegisterView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/registers/{register.Id}/kind", new SetRegisterKind(RegisterKind.Till)));
        Assert.Null(await AsAsync<KioskService, KioskIdentity?>(Actor.Anonymous, k => k.IdentifyAsync(paired.Token, CancellationToken.None)));
    }

    [Fact]
    public async Task A_paired_kiosk_sells_on_its_own_register_only_takes_no_cash_and_voids_returns_or_discounts_nothing()
    {
        var kiosk = await NewKioskAsync();
        var other = await _api.NewShopAsync();
        var product = await _api.NewProductAsync(45m, name: "Kioskburger " + server.NextNumber());
        var actor = kiosk.Identity.Actor;

        var sale = await AsAsync<SaleUseCases, SaleView>(actor, s => s.OpenAsync(new OpenSale(Guid.CreateVersion7(), kiosk.Register.Id), CancellationToken.None));
        sale = await AsAsync<SaleUseCases, SaleView>(actor, s => s.AddLineAsync(sale.Id, new AddLine(ProductId: product.Id), CancellationToken.None));
        var cash = await RefusedAsync(() => AsAsync<SaleUseCases, SaleView>(actor, s =>
            s.AddPaymentAsync(sale.Id, new AddPayment(Guid.CreateVersion7(), PaymentMethod.Cash, Tendered: 50m), CancellationToken.None)));
        var cashThroughKiosk = await RefusedAsync(() => AsAsync<KioskOrders, TerminalPaymentView>(actor, k =>
            k.PayAsync(sale.Id, new StartDevicePayment(Guid.CreateVersion7(), PaymentMethod.Cash), CancellationToken.None)));
        var unpaid = await RefusedAsync(() => AsAsync<KioskOrders, SaleView>(actor, k => k.FinishAsync(sale.Id, CancellationToken.None)));
        var voided = await RefusedAsync(() => AsAsync<SaleUseCases, SaleView>(actor, s => s.VoidAsync(sale.Id, CancellationToken.None)));
        var discount = await RefusedAsync(() => AsAsync<SaleUseCases, SaleView>(actor, s =>
            s.SetDiscountAsync(sale.Id, null, new SetDiscount(DiscountKind.Percent, 10m, "kiosk"), CancellationToken.None)));
        var returned = await RefusedAsync(() => AsAsync<ReturnUseCases, SaleView>(actor, r =>
            r.CreateAsync(new CreateReturn(Guid.CreateVersion7(), kiosk.Register.Id, Products: [new UnreceiptedReturnLine(product.Id, Quantity: 1m)],
                RefundMethod: PaymentMethod.Cash, Reason: "kiosk"), CancellationToken.None)));
        var tillOfItsStore = await RefusedAsync(() => AsAsync<SaleUseCases, SaleView>(actor, s =>
            s.OpenAsync(new OpenSale(Guid.CreateVersion7(), kiosk.Shop.Register.Id), CancellationToken.None)));
        var otherStore = await RefusedAsync(() => AsAsync<SaleUseCases, SaleView>(actor, s =>
            s.OpenAsync(new OpenSale(Guid.CreateVersion7(), other.Register.Id), CancellationToken.None)));
        var otherStoreSale = await KasseClient.Read<SaleView>(await _api.PostAsync("/api/v1/sales",
            new OpenSale(Guid.CreateVersion7(), other.Register.Id, other.CashierId)));
        var otherStoreLine = await RefusedAsync(() => AsAsync<SaleUseCases, SaleView>(actor, s =>
            s.AddLineAsync(otherStoreSale.Id, new AddLine(ProductId: product.Id), CancellationToken.None)));
        var otherStoreBoard = await RefusedAsync(() => AsAsync<KioskOrders, PickupBoardView>(actor, k =>
            k.BoardAsync(other.Store.Id, TimeSpan.FromMinutes(10), CancellationToken.None)));

        Assert.Equal(45m, sale.TotalAmount);
        Assert.Equal((ErrorKind.Forbidden, KioskErrors.NoCash), (cash.Kind, cash.Code));
        Assert.Equal((ErrorKind.Forbidden, KioskErrors.NoCash), (cashThroughKiosk.Kind, cashThroughKiosk.Code));
        Assert.Equal((ErrorKind.Conflict, KioskErrors.NotPaid), (unpaid.Kind, unpaid.Code));
        Assert.Equal((ErrorKind.Forbidden, PermissionErrors.Denied), (voided.Kind, voided.Code));
        Assert.Equal((ErrorKind.Forbidden, KioskErrors.MayNot), (discount.Kind, discount.Code));
        Assert.Equal((ErrorKind.Forbidden, PermissionErrors.Denied), (returned.Kind, returned.Code));
        Assert.Equal((ErrorKind.Forbidden, KioskErrors.OtherRegister), (tillOfItsStore.Kind, tillOfItsStore.Code));
        Assert.Equal(ErrorKind.Forbidden, otherStore.Kind);
        Assert.Equal(ErrorKind.Forbidden, otherStoreLine.Kind);
        Assert.Equal((ErrorKind.Forbidden, StoreErrors.NotYours), (otherStoreBoard.Kind, otherStoreBoard.Code));
        var stillOpen = await _api.Http.GetFromJsonAsync<SaleView>($"/api/v1/sales/{sale.Id}", KasseClient.Json);
        Assert.Equal((SaleStatus.Open, 0, 45m), (stillOpen!.Status, stillOpen.Payments.Count, stillOpen.AmountDue));
    }

    [Fact]
    public async Task A_kiosk_order_paid_by_card_gets_the_next_number_on_its_receipt_and_kitchen_ticket_and_is_ready_on_the_board_once_bumped()
    {
        await using var terminal = await SimulatorProcess.StartAsync(SimulatorProcess.Terminal);
        var kiosk = await NewKioskAsync();
        var storeId = kiosk.Shop.Store.Id;
        await KasseClient.Read<KitchenStationView>(await _api.PostAsync($"/api/v1/stores/{storeId}/kitchen/stations", new SaveKitchenStation("Køkken")));
        await AsAsync<PaymentDevices, PaymentDevicesView>(Actor.Local, d =>
            d.ChangeAsync(kiosk.Register.Id, new ChangePaymentDevices(terminal.Url, "SIM-0001", TimeoutSeconds: 60), CancellationToken.None));
        var burger = await _api.NewProductAsync(69m, name: "Kioskburger " + server.NextNumber());
        var actor = kiosk.Identity.Actor;

        async Task<SaleView> OrderAsync()
        {
            var sale = await AsAsync<SaleUseCases, SaleView>(actor, s => s.OpenAsync(new OpenSale(Guid.CreateVersion7(), kiosk.Register.Id), CancellationToken.None));
            await AsAsync<SaleUseCases, SaleView>(actor, s => s.AddLineAsync(sale.Id, new AddLine(ProductId: burger.Id), CancellationToken.None));
            await AsAsync<SaleUseCases, SaleView>(actor, s => s.SetOrderTypeAsync(sale.Id, new SetOrderType(OrderType.Takeaway), CancellationToken.None));
            var payment = await AsAsync<KioskOrders, TerminalPaymentView>(actor, k =>
                k.PayAsync(sale.Id, new StartDevicePayment(Guid.CreateVersion7(), PaymentMethod.Card), CancellationToken.None));
            await Eventually.HoldsAsync(() => AsAsync<TerminalPaymentService, TerminalPaymentView>(actor, p => p.RefreshAsync(payment.Id, CancellationToken.None)),
                p => p.State == TerminalPaymentState.Approved, "the card payment is approved");
            return await AsAsync<KioskOrders, SaleView>(actor, k => k.FinishAsync(sale.Id, CancellationToken.None));
        }

        var first = await OrderAsync();
        var second = await OrderAsync();
        var again = await AsAsync<KioskOrders, SaleView>(actor, k => k.FinishAsync(second.Id, CancellationToken.None));
        var receipt = await _api.Http.GetStringAsync($"/api/v1/sales/{first.Id}/receipt.txt");
        var board = await AsAsync<KioskOrders, PickupBoardView>(Actor.Local, k => k.BoardAsync(storeId, TimeSpan.FromMinutes(10), CancellationToken.None));
        var cooks = await AsAsync<KitchenService, KitchenBoardView>(Actor.Local, k => k.BoardAsync(storeId, null, CancellationToken.None));
        var firstTicket = Assert.Single(cooks.Open, t => t.SaleId == first.Id);
        await KasseClient.Read<KitchenTicketView>(await _api.PostAsync($"/api/v1/kitchen/tickets/{firstTicket.Id}/bump", null));
        var bumped = await AsAsync<KioskOrders, PickupBoardView>(Actor.Local, k => k.BoardAsync(storeId, TimeSpan.FromMinutes(10), CancellationToken.None));

        Assert.Equal((SaleStatus.Completed, SaleStatus.Completed), (first.Status, second.Status));
        Assert.Equal(1, first.OrderNumber);
        Assert.Equal(2, second.OrderNumber);
        Assert.Equal((second.OrderNumber, second.ReceiptNumber), (again.OrderNumber, again.ReceiptNumber));
        Assert.NotNull(first.Signature);
        Assert.Equal(PaymentMethod.Card, Assert.Single(first.Payments).Method);
        Assert.Contains("ORDRE NR. 1", receipt, StringComparison.Ordinal);
        Assert.Contains("Ud af huset", receipt, StringComparison.Ordinal);
        Assert.Equal(1, firstTicket.OrderNumber);
        Assert.Equal([1, 2], board.Preparing.Select(o => o.OrderNumber));
        Assert.Empty(board.Ready);
        Assert.Equal([2], bumped.Preparing.Select(o => o.OrderNumber));
        Assert.Equal([1], bumped.Ready.Select(o => o.OrderNumber));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class KioskOnSqlite(SqliteServer server) : KioskTests(server);

[Collection(PostgresCollection.Name)]
public sealed class KioskOnPostgres(PostgresServer server) : KioskTests(server);
