using Kasse.Application.GiftCards;
using Kasse.Application.Sales;
using Kasse.Application.Stores;
using Kasse.Domain.Sales;

namespace Kasse.Browser.Tests.Customers;

/// <summary>Gift cards made through the application, on a register of their own so the test's till stays empty.</summary>
public static class GiftCardSetup
{
    public static async Task<string> IssueAsync(BrowserServer server, decimal amount)
    {
        var register = await server.NewRegisterAsync($"Gavekort {Guid.NewGuid():N}"[..20]);
        var sale = await server.UseAsync<SalesService, SaleView>(s => s.OpenAsync(new OpenSale(Guid.CreateVersion7(), register.Id), default));
        sale = await server.UseAsync<GiftCardService, SaleView>(g => g.SellAsync(sale.Id, new SellGiftCard(amount), default));
        await server.UseAsync<SalesService, SaleView>(s => s.AddPaymentAsync(sale.Id, new AddPayment(Guid.CreateVersion7(), PaymentMethod.Card), default));
        await server.UseAsync<SalesService, SaleView>(s => s.CompleteAsync(sale.Id, printReceipt: false, default));
        return sale.Lines.Single(l => l.IsVoucher).Barcode!;
    }

    public static Task<GiftCardDetailView> FindAsync(BrowserServer server, string code) =>
        server.UseAsync<GiftCardService, GiftCardDetailView>(g => g.FindAsync(Kasse.Application.Demo.DemoSeeder.StoreId, code, default));
}
