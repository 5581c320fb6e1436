using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kasse.AccountingSimulator;

/// <summary>
/// A Danish-style accounting system's journal API in miniature, on loopback, for tests and demos: vouchers posted
/// as JSON into a journal with a bearer token, looked up by external id, and a control endpoint that makes the next
/// posts fail (503) or lose their answer after booking.
///   kasse-accounting-simulator [--port 8130] [--data accounting-simulator.json] [--token kasse-simulator-token]
/// </summary>
public static class SimulatorProgram
{
    public const string DefaultToken = "kasse-simulator-token";

    public static async Task<int> Main(string[] args)
    {
        var port = int.Parse(Option(args, "--port") ?? "8130", CultureInfo.InvariantCulture);
        var dataFile = Path.GetFullPath(Option(args, "--data") ?? "accounting-simulator.json");
        var token = Option(args, "--token") ?? DefaultToken;

        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        var app = builder.Build();
        var ledger = new Ledger(dataFile);

        app.MapGet("/journals/{journal}/vouchers", (HttpContext http, string journal, string? externalId) =>
            Authorised(http, token) ? Results.Json(ledger.Find(journal, externalId), Ledger.Json) : Unauthorised());
        app.MapPost("/journals/{journal}/vouchers", (HttpContext http, string journal, VoucherIn voucher) =>
        {
            if (!Authorised(http, token))
                return Unauthorised();
            if (ledger.FailThisOne())
                return Results.Problem("The journal is busy; try again.", statusCode: StatusCodes.Status503ServiceUnavailable);
            if (Invalid(voucher) is { } problem)
                return Results.Problem(problem, statusCode: StatusCodes.Status422UnprocessableEntity);
            var key = http.Request.Headers["Idempotency-Key"].FirstOrDefault();
            var (stored, created) = ledger.Book(journal, voucher, key, DateTimeOffset.UtcNow);
            if (created && ledger.LoseThisAnswer())
            {
                // Booked, but the answer never reaches the caller: the network dropped it.
                http.Abort();
                return Results.Empty;
            }
            return created ? Results.Json(stored, Ledger.Json, statusCode: StatusCodes.Status201Created) : Results.Json(stored, Ledger.Json);
        });
        app.MapPost("/control/next", (NextBehaviour next) => { ledger.Next(next); return Results.NoContent(); });
        app.MapGet("/control/vouchers", () => Results.Json(ledger.All(), Ledger.Json));
        app.MapGet("/health", () => Results.Ok());

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"Accounting simulator listening on {address} (vouchers in {dataFile})");
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static bool Authorised(HttpContext http, string token) =>
        http.Request.Headers.Authorization.FirstOrDefault() == "Bearer " + token;

    private static IResult Unauthorised() => Results.Problem("Missing or wrong bearer token.", statusCode: StatusCodes.Status401Unauthorized);

    private static string? Invalid(VoucherIn voucher)
    {
        if (string.IsNullOrWhiteSpace(voucher.ExternalId) || string.IsNullOrWhiteSpace(voucher.Date))
            return "externalId and date are required.";
        if (voucher.Entries is not { Count: > 0 })
            return "A voucher needs entries.";
        if (voucher.Entries.Any(e => string.IsNullOrWhiteSpace(e.Account)))
            return "Every entry needs an account.";
        var balance = voucher.Entries.Sum(e => e.Amount);
        return balance == 0m ? null : $"The voucher does not balance: the entries sum to {balance.ToString(CultureInfo.InvariantCulture)}.";
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
