using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kasse.TerminalSimulator;

/// <summary>
/// A card terminal that speaks nexo JSON over HTTP on loopback, for tests and the demo. It keeps its
/// transactions in a file, so it can be killed and started again mid-payment and still answer status queries.
///   kasse-terminal-simulator [--port 8110] [--data terminal-simulator.json] [--poiid SIM-0001] [--tip-percent 10] [--exit-with PID]
/// --tip-percent: the tip a customer picks when a request asks for one and no queued behaviour names it.
/// --port 0 picks a free port (the line "listening on URL" names it); --exit-with stops it when that process ends (Kasse's demo).
/// </summary>
public static class SimulatorProgram
{
    public static async Task<int> Main(string[] args)
    {
        var port = int.Parse(Option(args, "--port") ?? "8110", CultureInfo.InvariantCulture);
        var dataFile = Path.GetFullPath(Option(args, "--data") ?? "terminal-simulator.json");
        var poiId = Option(args, "--poiid") ?? "SIM-0001";
        var tipPercent = decimal.Parse(Option(args, "--tip-percent") ?? "10", CultureInfo.InvariantCulture);

        var builder = WebApplication.CreateBuilder();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        builder.Services.AddSingleton(new Terminal(new TransactionFile(dataFile), poiId, tipPercent));
        var app = builder.Build();
        var terminal = app.Services.GetRequiredService<Terminal>();

        app.MapPost("/nexo", terminal.HandleAsync);
        app.MapPost("/control/next", (Behaviour behaviour) => { terminal.Enqueue(behaviour); return Results.NoContent(); });
        app.MapGet("/control/transactions", () => Results.Json(terminal.Transactions(), Terminal.Json));
        app.MapGet("/health", () => Results.Ok());

        await app.StartAsync();
        ExitWith(args, app);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"Terminal simulator {poiId} listening on {address} (transactions in {dataFile})");
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
