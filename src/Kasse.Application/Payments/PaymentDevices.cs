using System.Globalization;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Payments;
using Kasse.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Payments;

/// <summary>The devices a register uses when it has no settings of its own (configuration Kasse:Payments:…).</summary>
public sealed record PaymentDefaults(Uri? CardTerminalUrl = null, string? CardTerminalPoiId = null, Uri? MobilePayUrl = null,
    string? MobilePayMerchantSerialNumber = null, int TimeoutSeconds = PaymentDeviceSettings.DefaultTimeoutSeconds);

public sealed record PaymentDevicesView(Guid RegisterId, Uri? CardTerminalUrl, string? CardTerminalPoiId, Uri? MobilePayUrl,
    string? MobilePayMerchantSerialNumber, int TimeoutSeconds, bool FromConfiguration);

public sealed record ChangePaymentDevices(Uri? CardTerminalUrl = null, string? CardTerminalPoiId = null, Uri? MobilePayUrl = null,
    string? MobilePayMerchantSerialNumber = null, int? TimeoutSeconds = null);

/// <summary>Whether a register's device answered a harmless question (a status query for a payment that does not exist).</summary>
/// <param name="Answer">What the device said, or why it could not be asked; for the person setting it up.</param>
public sealed record PaymentDeviceCheck(Guid RegisterId, PaymentMethod Method, bool Answered, string Answer);

/// <summary>Which card terminal and MobilePay merchant each register uses.</summary>
public sealed class PaymentDevices(KasseDbContext db, PaymentDefaults defaults, IEnumerable<IPaymentTerminal> terminals, TimeProvider clock)
{
    /// <summary>
    /// Asks the device about a payment it cannot know (a fresh reference): any answer, "not found" included, shows
    /// it is there and speaks to this register; nothing is charged.
    /// </summary>
    public async Task<PaymentDeviceCheck> CheckAsync(Guid registerId, PaymentMethod method, CancellationToken ct)
    {
        await StoreService.FindRegisterAsync(db, registerId, ct);
        if (method is not (PaymentMethod.Card or PaymentMethod.MobilePay))
            throw DomainException.Invalid(PaymentsErrors.CheckMethod, "Only a card terminal (Card) or MobilePay can be checked.");
        var device = await ConnectionForAsync(registerId, method, ct);
        var terminal = terminals.FirstOrDefault(t => t.Method == method)
            ?? throw DomainException.Conflict(PaymentsErrors.NoDriver, $"This Kasse has no driver for {method}.");
        var probe = Guid.CreateVersion7().ToString("N", CultureInfo.InvariantCulture);
        var request = new DeviceRequest(Guid.CreateVersion7(), probe[..10].ToUpperInvariant(), "CHECK-" + probe[..16], "CHECK-" + probe, 0m, "DKK", clock.GetUtcNow());
        var answer = await terminal.StatusAsync(device, request, ct);
        return answer switch
        {
            DeviceAnswer.Unreachable u => new PaymentDeviceCheck(registerId, method, false, $"{device.Url} is not reachable: {u.Reason}"),
            DeviceAnswer.NoAnswer n => new PaymentDeviceCheck(registerId, method, false, $"{device.Url} did not answer: {n.Reason}"),
            _ => new PaymentDeviceCheck(registerId, method, true, $"{device.Url} answered ({answer.GetType().Name})."),
        };
    }

    public async Task<PaymentDevicesView> GetAsync(Guid registerId, CancellationToken ct)
    {
        await StoreService.FindRegisterAsync(db, registerId, ct);
        return await ViewAsync(registerId, ct);
    }

    public Task<PaymentDevicesView> ChangeAsync(Guid registerId, ChangePaymentDevices command, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        await StoreService.FindRegisterAsync(db, registerId, ct);
        var settings = await db.PaymentDeviceSettings.FirstOrDefaultAsync(s => s.RegisterId == registerId, ct);
        if (settings is null)
        {
            settings = new PaymentDeviceSettings(registerId);
            db.PaymentDeviceSettings.Add(settings);
        }
        settings.Change(command.CardTerminalUrl, command.CardTerminalPoiId, command.MobilePayUrl, command.MobilePayMerchantSerialNumber, command.TimeoutSeconds);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(registerId, ct);
    }, ct);

    public async Task<DeviceConnection> ConnectionForAsync(Guid registerId, PaymentMethod method, CancellationToken ct)
    {
        var view = await ViewAsync(registerId, ct);
        var (url, id) = method switch
        {
            PaymentMethod.Card => (view.CardTerminalUrl, view.CardTerminalPoiId),
            PaymentMethod.MobilePay => (view.MobilePayUrl, view.MobilePayMerchantSerialNumber),
            PaymentMethod.Cash or PaymentMethod.GiftCard or PaymentMethod.LoyaltyPoints => (null, null),
        };
        if (url is null || id is null)
            throw DomainException.Conflict(PaymentsErrors.NotConfigured, method == PaymentMethod.MobilePay
                ? "This register has no MobilePay set up. Set it under PUT /api/v1/registers/{id}/payment-devices (see docs/payments.md)."
                : "This register has no card terminal set up. Set it under PUT /api/v1/registers/{id}/payment-devices (see docs/payments.md).");
        return new DeviceConnection(url, id, "KASSE-" + registerId.ToString("N", CultureInfo.InvariantCulture).ToUpperInvariant(),
            TimeSpan.FromSeconds(view.TimeoutSeconds));
    }

    private async Task<PaymentDevicesView> ViewAsync(Guid registerId, CancellationToken ct)
    {
        var s = await db.PaymentDeviceSettings.AsNoTracking().FirstOrDefaultAsync(s => s.RegisterId == registerId, ct);
        return s is null
            ? new PaymentDevicesView(registerId, defaults.CardTerminalUrl, defaults.CardTerminalPoiId, defaults.MobilePayUrl,
                defaults.MobilePayMerchantSerialNumber, defaults.TimeoutSeconds, FromConfiguration: true)
            : new PaymentDevicesView(registerId, s.CardTerminalUrl, s.CardTerminalPoiId, s.MobilePayUrl, s.MobilePayMerchantSerialNumber,
                s.TimeoutSeconds, FromConfiguration: false);
    }
}
