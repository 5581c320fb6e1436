using Kasse.Application.Staff;
using Kasse.Domain.Staff;

namespace Kasse.Application.Sales;

/// <summary>
/// The front door for returns, from the till and the API alike: the caller needs Refund (and, without a receipt,
/// RefundWithoutReceipt or a supervisor's approval, checked inside the return's transaction); the return's cashier
/// is the caller, or the employee an API key serves; after the commit the fraud rules look at it at once.
/// </summary>
public sealed class ReturnUseCases(ReturnsService returns, FraudDetector fraud, ServedEmployee served, CurrentActor actor)
{
    public async Task<SaleView> CreateAsync(CreateReturn command, CancellationToken ct)
    {
        actor.Value.Require(Permission.Refund);
        var result = await returns.CreateAsync(command with { CashierId = await served.AtRegisterAsync(command.CashierId, command.RegisterId, ct) }, ct);
        await fraud.AfterEventAsync(result.StoreId, ct);
        return result;
    }
}
