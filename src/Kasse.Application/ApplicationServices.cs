using Kasse.Application.CashControl;
using Kasse.Application.Catalog;
using Kasse.Application.Demo;
using Kasse.Application.Fiscal;
using Kasse.Application.Fiscal.SaftExport;
using Kasse.Application.Payments;
using Kasse.Application.Printing;
using Kasse.Application.Promotions;
using Kasse.Application.Sales;
using Kasse.Application.Staff;
using Kasse.Application.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kasse.Application;

public static class ApplicationServices
{
    public static IServiceCollection AddKasseApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StoreCache>();
        services.AddScoped<StoreService>();
        services.AddScoped<CatalogService>();
        services.AddScoped<ProductImporter>();
        services.AddScoped<EmployeeService>();
        services.AddScoped<CurrentActor>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<RoleService>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<StaffSettings>();
        services.AddScoped<ApprovalGates>();
        services.AddScoped<TimeClockService>();
        services.AddScoped<PerformanceService>();
        services.AddScoped<FraudDetector>();
        services.TryAddSingleton<PermissionMatrix>();
        services.TryAddSingleton<ApiKeyCache>();
        services.TryAddSingleton<ApprovalThrottle>();
        services.AddScoped<SalesService>();
        services.AddScoped<ReturnsService>();
        services.AddScoped<ReceiptService>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<FiscalJournal>();
        services.AddScoped<JournalVerifier>();
        services.AddScoped<SigningKeys>();
        services.AddScoped<TransactionSigner>();
        services.AddScoped<SaftExporter>();
        services.AddScoped<ISaftEventReports, StoredSaftEventReports>();
        services.AddScoped<CashControlService>();
        services.AddScoped<RegisterReportService>();
        services.AddScoped<PrintQueue>();
        services.AddScoped<PrinterService>();
        services.TryAddSingleton<PrintQueueSignal>();
        services.TryAddSingleton(new SigningSettings(null, null));
        services.TryAddSingleton(new PaymentDefaults());
        services.AddSingleton<PaymentsInFlight>();
        services.AddScoped<PaymentDevices>();
        services.AddScoped<TerminalPaymentService>();
        services.AddScoped<StoreSettingsService>();
        services.AddScoped<ReceiptLookup>();
        services.AddScoped<PromotionService>();
        services.AddScoped<SaleCoupons>();
        services.AddScoped<IOpenSaleStep, PromotionPricing>();
        return services;
    }
}
