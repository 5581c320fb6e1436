using Kasse.Application.Customers;
using Kasse.Application.Sales;
using Kasse.Application.Staff;
using Kasse.Domain;
using Kasse.Domain.Customers;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

public static class CustomersEndpoints
{
    public sealed record GroupRequest(Guid Id, string Name);

    public static RouteGroupBuilder MapCustomers(this RouteGroupBuilder api)
    {
        var atTill = new[] { Permission.Sell, Permission.ManageSettings };
        var stores = api.MapGroup("/stores/{storeId:guid}").WithTags("Customers");
        stores.MapPost("/customers", Create).RequirePermission(atTill)
            .WithSummary("Create a customer (client-chosen id): name, phone, e-mail, number (8 random digits if left out), card code, notes, preferences, group");
        stores.MapGet("/customers", Search).RequirePermission(atTill)
            .WithSummary("Find customers by ?q= phone (any spacing, +45 or not), e-mail, customer number, card code or part of the name");
        stores.MapGet("/customers/by-card/{code}", ByCard).RequirePermission(atTill)
            .WithSummary("The customer whose loyalty card or app QR code was scanned (card code or customer number)");
        stores.MapGet("/customer-groups", Groups).RequirePermission(Permission.Browse).WithSummary("The store's customer groups");
        stores.MapPut("/customer-groups", SaveGroup).RequirePermission(Permission.ManageSettings).WithSummary("Create or rename a customer group (client-chosen id)");
        stores.MapGet("/loyalty", Rules).RequirePermission(Permission.Browse)
            .WithSummary("The loyalty programme: points per krone (and per category), a point's value, tiers and stamp cards");
        stores.MapPut("/loyalty", SaveRules).RequirePermission(Permission.ManageSettings).WithSummary("Replace the loyalty programme (audited)");

        var customers = api.MapGroup("/customers/{customerId:guid}").WithTags("Customers");
        customers.MapGet("/", Get).RequirePermission(atTill).WithSummary("The customer with points, tier and stamp cards");
        customers.MapPut("/", Update).RequirePermission(atTill).WithSummary("Change the customer's profile");
        customers.MapGet("/sales", History).RequirePermission(atTill).WithSummary("Their completed sales and returns, newest first (?take=, default 50), with the points each moved");
        customers.MapGet("/loyalty", Movements).RequirePermission(atTill).WithSummary("The ledger of their points and stamps, newest first");
        customers.MapGet("/export", Export).RequirePermission(Permission.ManageSettings)
            .WithSummary("GDPR: everything held about the customer as one JSON document (audited)");
        customers.MapPost("/erasure", Erase).RequirePermission(Permission.ManageSettings)
            .WithSummary("GDPR: erase the customer — the profile is blanked and unlinked from sales; receipts and the journal stay as they are (audited, needs a reason)");

        var sales = api.MapGroup("/sales/{saleId:guid}").WithTags("Customers");
        sales.MapPut("/customer", Attach).RequirePermission(Permission.Sell)
            .WithSummary("Attach a customer to an open sale ({customerId}; null takes them off); the sale then carries their customer group");
        sales.MapPost("/stamp-rewards", StampReward).RequirePermission(Permission.Sell)
            .WithSummary("Give one piece of a line free from a full stamp card; the stamps are spent when the sale completes");
        sales.MapPost("/points-discount", PointsDiscount).RequirePermission(Permission.Sell)
            .WithSummary("Take loyalty points off the sale as a discount (the sale discount, reason 'Bonuspoint'); spent when the sale completes");
        return api;
    }

    private static async Task<Created<CustomerView>> Create(Guid storeId, SaveCustomer request, CustomerService customers, CancellationToken ct)
    {
        var customer = await customers.CreateAsync(storeId, request, ct);
        return TypedResults.Created($"/api/v1/customers/{customer.Id}", customer);
    }

    /// <summary>Characters a till must type before it sees customers: enough for a phone ending, a card or a name part.</summary>
    public const int TillSearchMinimum = 3;

    /// <summary>
    /// A till (a store-limited caller who does not manage the store) finds a customer by what they tell it — phone,
    /// name, card — but does not page through everyone's phone and e-mail.
    /// </summary>
    private static async Task<Ok<IReadOnlyList<CustomerView>>> Search(Guid storeId, string? q, CustomerService customers, CurrentActor actor,
        CancellationToken ct)
    {
        if (!actor.Value.IsChainWide && !actor.Value.May(Permission.ManageSettings) && (q?.Trim().Length ?? 0) < TillSearchMinimum)
            throw DomainException.Invalid(CustomerErrors.QueryRequired,
                $"Search by phone, name or card with at least {TillSearchMinimum} characters; the whole customer list is for the store's manager.");
        return TypedResults.Ok(await customers.SearchAsync(storeId, q, ct));
    }

    private static async Task<Ok<CustomerView>> ByCard(Guid storeId, string code, CustomerService customers, CancellationToken ct) =>
        TypedResults.Ok(await customers.FindByCardAsync(storeId, code, ct));

    private static async Task<Ok<CustomerView>> Get(Guid customerId, CustomerService customers, CancellationToken ct) =>
        TypedResults.Ok(await customers.GetAsync(customerId, ct));

    private static async Task<Ok<CustomerView>> Update(Guid customerId, SaveCustomer request, CustomerService customers, CancellationToken ct) =>
        TypedResults.Ok(await customers.UpdateAsync(customerId, request with { Id = customerId }, ct));

    private static async Task<Ok<IReadOnlyList<CustomerSaleView>>> History(Guid customerId, int? take, CustomerService customers, CancellationToken ct) =>
        TypedResults.Ok(await customers.HistoryAsync(customerId, take ?? 50, ct));

    private static async Task<Ok<IReadOnlyList<LoyaltyMovementView>>> Movements(Guid customerId, LoyaltyService loyalty, CancellationToken ct) =>
        TypedResults.Ok(await loyalty.MovementsAsync(customerId, ct));

    private static async Task<Ok<CustomerExport>> Export(Guid customerId, CustomerService customers, CancellationToken ct) =>
        TypedResults.Ok(await customers.ExportAsync(customerId, ct));

    private static async Task<Ok<CustomerView>> Erase(Guid customerId, EraseCustomer request, CustomerService customers, CancellationToken ct) =>
        TypedResults.Ok(await customers.EraseAsync(customerId, request.Reason, ct));

    private static async Task<Ok<IReadOnlyList<CustomerGroupView>>> Groups(Guid storeId, CustomerService customers, CancellationToken ct) =>
        TypedResults.Ok(await customers.GroupsAsync(storeId, ct));

    private static async Task<Ok<CustomerGroupView>> SaveGroup(Guid storeId, GroupRequest request, CustomerService customers, CancellationToken ct) =>
        TypedResults.Ok(await customers.SaveGroupAsync(storeId, request.Id, request.Name, ct));

    private static async Task<Ok<LoyaltyRules>> Rules(Guid storeId, LoyaltyService loyalty, CancellationToken ct) =>
        TypedResults.Ok(await loyalty.RulesAsync(storeId, ct));

    private static async Task<Ok<LoyaltyRules>> SaveRules(Guid storeId, LoyaltyRules request, LoyaltyService loyalty, CancellationToken ct) =>
        TypedResults.Ok(await loyalty.SaveRulesAsync(storeId, request, ct));

    private static async Task<Ok<SaleView>> Attach(Guid saleId, AttachCustomer request, Kasse.Application.Sales.SaleCustomerUseCases sale, CancellationToken ct) =>
        TypedResults.Ok(await sale.AttachCustomerAsync(saleId, request.CustomerId, ct));

    private static async Task<Ok<SaleView>> StampReward(Guid saleId, RedeemStampReward request, Kasse.Application.Sales.SaleCustomerUseCases sale, CancellationToken ct) =>
        TypedResults.Ok(await sale.RedeemStampRewardAsync(saleId, request, ct));

    private static async Task<Ok<SaleView>> PointsDiscount(Guid saleId, RedeemPointsAsDiscount request, Kasse.Application.Sales.SaleCustomerUseCases sale, CancellationToken ct) =>
        TypedResults.Ok(await sale.RedeemPointsAsDiscountAsync(saleId, request, ct));
}
