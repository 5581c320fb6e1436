using Kasse.Devices.Printing;
using Kasse.Devices.Printing.Transports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kasse.Devices;

public static class DeviceServices
{
    /// <summary>The print queue worker and the printer transports.</summary>
    public static IServiceCollection AddKasseDevices(this IServiceCollection services)
    {
        services.TryAddSingleton<PrinterTransports>();
        services.AddHostedService<PrintQueueWorker>();
        return services;
    }
}
