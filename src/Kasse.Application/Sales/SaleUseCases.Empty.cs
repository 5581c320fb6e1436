using Kasse.Domain.Staff;

namespace Kasse.Application.Sales;

public sealed partial class SaleUseCases
{
    /// <summary>
    /// Ends a sale the till opened but never filled (no line, no payment), e.g. when the cashier picks up a waiting sale
    /// instead: voided like any open sale that ends without a receipt, but as the till's housekeeping rather than a
    /// cashier's void: it needs only <see cref="Permission.Sell"/>, is not in the audit trail, and a voided sale without
    /// lines counts as a void neither in the fraud rules nor in an employee's performance. A sale with anything in it is left as it is.
    /// </summary>
    public Task<SaleView> EndIfEmptyAsync(Guid saleId, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        return sales.VoidIfEmptyAsync(saleId, ct);
    }
}
