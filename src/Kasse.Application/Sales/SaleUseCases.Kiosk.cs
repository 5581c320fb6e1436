using Kasse.Domain;
using Kasse.Domain.SelfService;

namespace Kasse.Application.Sales;

/// <summary>
/// What a paired self-service kiosk (docs/self-service.md) may do on a sale: sell on its own register, and nothing a staff
/// member decides (discounts, price overrides, parking, taking a payment back; voids and returns need permissions it lacks).
/// </summary>
public sealed partial class SaleUseCases
{
    private void KioskAtOwnRegister(Guid registerId)
    {
        if (Caller.IsKiosk && Caller.RegisterId != registerId)
            throw DomainException.Forbidden(KioskErrors.OtherRegister, "A kiosk sells only on its own register.");
    }

    private async Task KioskOwnsAsync(Guid saleId, CancellationToken ct)
    {
        if (!Caller.IsKiosk)
            return;
        KioskAtOwnRegister((await sales.GetAsync(saleId, ct)).RegisterId);
    }

    private void KioskMayNot()
    {
        if (Caller.IsKiosk)
            throw DomainException.Forbidden(KioskErrors.MayNot, "A kiosk may not do this; ask the staff.");
    }
}
