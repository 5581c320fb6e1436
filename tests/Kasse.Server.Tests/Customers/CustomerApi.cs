using Kasse.Application.Catalog;
using Kasse.Application.Customers;
using Kasse.Application.GiftCards;
using Kasse.Application.Sales;
using Kasse.Domain.Customers;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Customers;

/// <summary>Intent methods for customers, loyalty and gift cards, on top of <see cref="KasseClient"/>.</summary>
public static class CustomerApi
{
    public static async Task<CustomerView> NewCustomerAsync(this KasseClient api, Shop shop, string name = "Karen Blixen", string? phone = null,
        string? email = null, string? cardCode = null, Guid? groupId = null) =>
        await KasseClient.Read<CustomerView>(await api.PostAsync($"/api/v1/stores/{shop.Store.Id}/customers",
            new SaveCustomer(Guid.CreateVersion7(), name, phone, email, CardCode: cardCode, GroupId: groupId)));

    public static async Task<CustomerView> GetCustomerAsync(this KasseClient api, Guid id) =>
        await KasseClient.Read<CustomerView>(await api.Http.GetAsync($"/api/v1/customers/{id}"));

    public static Task<HttpResponseMessage> TryAttachAsync(this KasseClient api, Guid saleId, Guid? customerId) =>
        api.SendAsync(HttpMethod.Put, $"/api/v1/sales/{saleId}/customer", new AttachCustomer(customerId));

    public static async Task<SaleView> AttachAsync(this KasseClient api, Guid saleId, Guid? customerId) =>
        await KasseClient.Read<SaleView>(await api.TryAttachAsync(saleId, customerId));

    public static async Task<LoyaltyRules> SetLoyaltyAsync(this KasseClient api, Shop shop, LoyaltyRules rules) =>
        await KasseClient.Read<LoyaltyRules>(await api.SendAsync(HttpMethod.Put, $"/api/v1/stores/{shop.Store.Id}/loyalty", rules));

    /// <summary>A completed sale for the customer of the given products, paid by card.</summary>
    public static async Task<SaleView> SellToAsync(this KasseClient api, Shop shop, Guid customerId, params (ProductView Product, decimal Quantity)[] items)
    {
        var sale = await api.OpenSaleAsync(shop);
        await api.AttachAsync(sale.Id, customerId);
        foreach (var (product, quantity) in items)
            sale = await api.AddProductAsync(sale.Id, product.Id, quantity);
        await api.PayAsync(sale.Id, PaymentMethod.Card);
        return await api.CompleteAsync(sale.Id);
    }

    public static Task<HttpResponseMessage> TrySellGiftCardAsync(this KasseClient api, Guid saleId, decimal amount, string? code = null) =>
        api.PostAsync($"/api/v1/sales/{saleId}/gift-cards", new SellGiftCard(amount, code));

    /// <summary>Sells a new gift card of the amount on its own sale (paid by card) and returns its code.</summary>
    public static async Task<string> NewGiftCardAsync(this KasseClient api, Shop shop, decimal amount)
    {
        var sale = await api.OpenSaleAsync(shop);
        sale = await KasseClient.Read<SaleView>(await api.TrySellGiftCardAsync(sale.Id, amount));
        await api.PayAsync(sale.Id, PaymentMethod.Card);
        await api.CompleteAsync(sale.Id);
        return sale.Lines.Single(l => l.IsVoucher).Barcode!;
    }

    public static async Task<GiftCardDetailView> GiftCardAsync(this KasseClient api, Shop shop, string code) =>
        await KasseClient.Read<GiftCardDetailView>(await api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/gift-cards/{code}"));

    public static Task<HttpResponseMessage> TryPayWithGiftCardAsync(this KasseClient api, Guid saleId, string code, decimal? amount = null, Guid? paymentId = null) =>
        api.PostAsync($"/api/v1/sales/{saleId}/payments", new AddPayment(paymentId ?? Guid.CreateVersion7(), PaymentMethod.GiftCard, amount, Reference: code));

    public static async Task<CategoryView> NewCategoryAsync(this KasseClient api, KasseServer server, string name) =>
        await KasseClient.Read<CategoryView>(await api.PostAsync("/api/v1/categories", new { id = Guid.CreateVersion7(), name = $"{name} {server.NextNumber()}" }));

    public static async Task<ProductView> NewProductInAsync(this KasseClient api, KasseServer server, decimal price, Guid categoryId, string name)
    {
        var n = server.NextNumber();
        return await KasseClient.Read<ProductView>(await api.PostAsync("/api/v1/products", new
        {
            id = Guid.CreateVersion7(), sku = $"C-{n}", name = $"{name} {n}", price, vatPercent = 25m, categoryId, barcodes = new[] { api.NewEan13() },
        }));
    }
}
