using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kasse.MobilePaySimulator;

/// <summary>
/// MobilePay's ePayment API in miniature, on loopback, for tests and the demo: create, read, capture, cancel,
/// refund, plus a control endpoint that plays the customer ("approve in the app"). Payments are kept in a file.
///   kasse-mobilepay-simulator [--port 8120] [--data mobilepay-simulator.json] [--customer-approves-after MS] [--exit-with PID]
/// --port 0 picks a free port; --customer-approves-after plays a customer who approves every payment in the app after
/// that many milliseconds (Kasse's demo); --exit-with stops it when that process ends.
/// </summary>
public static class SimulatorProgram
{
    public static async Task<int> Main(string[] args)
    {
        var port = int.Parse(Option(args, "--port") ?? "8120", CultureInfo.InvariantCulture);
        var dataFile = Path.GetFullPath(Option(args, "--data") ?? "mobilepay-simulator.json");

        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        var approvesAfter = Option(args, "--customer-approves-after") is { } ms
            ? TimeSpan.FromMilliseconds(int.Parse(ms, CultureInfo.InvariantCulture)) : (TimeSpan?)null;
        builder.Services.AddSingleton(new EPaymentBook(dataFile) { CustomerApprovesAfter = approvesAfter });
        var app = builder.Build();
        var book = app.Services.GetRequiredService<EPaymentBook>();

        const string payments = "/epayment/v1/payments";
        app.MapPost(payments, (Func<HttpContext, Task<IResult>>)book.CreateAsync);
        app.MapGet(payments + "/{reference}", book.Get);
        app.MapPost(payments + "/{reference}/capture", book.CaptureAsync);
        app.MapPost(payments + "/{reference}/cancel", book.Cancel);
        app.MapPost(payments + "/{reference}/refund", book.RefundAsync);
        app.MapPost("/control/next", (NextCreate next) => { book.Enqueue(next); return Results.NoContent(); });
        app.MapPost("/control/payments/{reference}/approve", (string reference) => book.Customer(reference, approve: true));
        app.MapPost("/control/payments/{reference}/reject", (string reference) => book.Customer(reference, approve: false));
        app.MapGet("/control/payments", () => Results.Json(book.All(), EPaymentBook.Json));
        app.MapGet("/health", () => Results.Ok());

        await app.StartAsync();
        ExitWith(args, app);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"MobilePay simulator listening on {address} (payments in {dataFile})");
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static void ExitWith(string[] args, WebApplication app)
    {
        if (Option(args, "--exit-with") is { } pid)
            Kasse.Tools.ParentProcess.StopWith(int.Parse(pid, CultureInfo.InvariantCulture), app.Lifetime.StopApplication);
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
