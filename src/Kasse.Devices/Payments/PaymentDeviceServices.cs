using Kasse.Application.Payments;
using Kasse.Devices.Payments.MobilePay;
using Kasse.Devices.Payments.Nexo;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Devices.Payments;

public static class PaymentDeviceServices
{
    /// <summary>The card terminal (nexo over HTTP) and MobilePay (ePayment) clients.</summary>
    public static IServiceCollection AddPaymentDevices(this IServiceCollection services)
    {
        // Devices are on the local network: a device that doesn't accept a connection quickly is off.
        var http = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        })
        { Timeout = Timeout.InfiniteTimeSpan };
        services.AddSingleton<IPaymentTerminal>(new NexoCardTerminal(http));
        services.AddSingleton<IPaymentTerminal>(new MobilePayEPayment(http));
        return services;
    }
}
