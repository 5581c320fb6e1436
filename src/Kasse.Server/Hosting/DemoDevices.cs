using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Kasse.Application.Demo;
using Kasse.Application.Payments;
using Kasse.Application.Printing;
using Kasse.Data;
using Kasse.Domain.Devices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kasse.Server.Hosting;

/// <summary>
/// Makes the demo work with one command: while the demo register still uses the demo's simulated devices (the
/// terminal <see cref="DemoSeeder.TerminalPoiId"/>, the MobilePay merchant <see cref="DemoSeeder.MobilePayMerchant"/>
/// and the printer <see cref="DemoSeeder.PrinterId"/>, all on loopback), Kasse starts the simulators from tools/ as
/// processes of their own on free loopback ports and points the register at them. A register set up with real devices
/// is left alone. Off with <c>Kasse:StartDemoDevices=false</c>.
/// </summary>
public sealed partial class DemoDevices(IServiceProvider services, IOptions<NodeOptions> node, ILogger<DemoDevices> log) : IHostedService
{
    private readonly List<Process> _running = [];

    /// <summary>Where the demo printer's paper goes: one job-NNNN.txt (and .svg) per slip.</summary>
    public static string PrinterOutput(NodeOptions node) => Path.Combine(Folder(node), "printer");

    private static string Folder(NodeOptions node) => Path.Combine(DatabaseSettings.DataDirectory(node), "demo-devices");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        if (!node.Value.StartDemoDevices)
            return;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
        var payments = await db.PaymentDeviceSettings.AsNoTracking().FirstOrDefaultAsync(s => s.RegisterId == DemoSeeder.RegisterId, ct);
        var printer = await db.Printers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == DemoSeeder.PrinterId, ct);
        var terminalIsDemo = payments is { CardTerminalPoiId: DemoSeeder.TerminalPoiId } && IsLoopback(payments.CardTerminalUrl);
        var mobilePayIsDemo = payments is { MobilePayMerchantSerialNumber: DemoSeeder.MobilePayMerchant } && IsLoopback(payments.MobilePayUrl);
        var printerIsDemo = printer is { Connection: PrinterConnection.Network } && printer.Address.StartsWith("127.0.0.1:", StringComparison.Ordinal);
        if (!terminalIsDemo && !mobilePayIsDemo && !printerIsDemo)
            return;

        var folder = Folder(node.Value);
        Directory.CreateDirectory(folder);
        var parent = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        // Started side by side: each is a .NET process of its own and takes about a second to listen.
        var terminal = terminalIsDemo
            ? LaunchAsync("kasse-terminal-simulator", ["--port", "0", "--poiid", DemoSeeder.TerminalPoiId, "--data", Path.Combine(folder, "terminal.json"), "--exit-with", parent], ct)
            : Task.FromResult<string?>(null);
        var mobilePay = mobilePayIsDemo
            ? LaunchAsync("kasse-mobilepay-simulator", ["--port", "0", "--data", Path.Combine(folder, "mobilepay.json"),
                "--customer-approves-after", "1500", "--exit-with", parent], ct)
            : Task.FromResult<string?>(null);
        var paper = printerIsDemo
            ? LaunchAsync("kasse-printer-emulator", ["--port", "0", "--out", PrinterOutput(node.Value), "--exit-with", parent], ct)
            : Task.FromResult<string?>(null);

        var terminalUrl = await terminal;
        var mobilePayUrl = await mobilePay;
        var printerAddress = await paper;
        if (terminalUrl is not null || mobilePayUrl is not null)
        {
            await scope.ServiceProvider.GetRequiredService<PaymentDevices>().ChangeAsync(DemoSeeder.RegisterId, new ChangePaymentDevices(
                terminalUrl is null ? payments!.CardTerminalUrl : new Uri(terminalUrl + "/"), payments!.CardTerminalPoiId,
                mobilePayUrl is null ? payments.MobilePayUrl : new Uri(mobilePayUrl + "/"), payments.MobilePayMerchantSerialNumber,
                payments.TimeoutSeconds), ct);
            // The demo's self-service kiosk pays on the same simulators, where it still points at the demo's loopback.
            var kiosk = await db.PaymentDeviceSettings.AsNoTracking().FirstOrDefaultAsync(s => s.RegisterId == DemoSeeder.KioskRegisterId, ct);
            if (kiosk is { CardTerminalPoiId: DemoSeeder.TerminalPoiId } && IsLoopback(kiosk.CardTerminalUrl))
                await scope.ServiceProvider.GetRequiredService<PaymentDevices>().ChangeAsync(DemoSeeder.KioskRegisterId, new ChangePaymentDevices(
                    terminalUrl is null ? kiosk.CardTerminalUrl : new Uri(terminalUrl + "/"), kiosk.CardTerminalPoiId,
                    mobilePayUrl is null || !IsLoopback(kiosk.MobilePayUrl) ? kiosk.MobilePayUrl : new Uri(mobilePayUrl + "/"), kiosk.MobilePayMerchantSerialNumber,
                    kiosk.TimeoutSeconds), ct);
        }
        if (printerAddress is not null)
        {
            // The café's kitchen and bar printers print on the same simulator (one paper folder), where they still point at the demo's loopback.
            var demoPrinters = await db.Printers.AsNoTracking()
                .Where(p => p.Id == DemoSeeder.PrinterId || p.Id == DemoSeeder.KitchenPrinterId || p.Id == DemoSeeder.BarPrinterId)
                .Select(p => new { p.Id, p.Connection, p.Address }).ToListAsync(ct);
            foreach (var demo in demoPrinters.Where(p => p.Connection == PrinterConnection.Network && p.Address.StartsWith("127.0.0.1:", StringComparison.Ordinal)))
            {
                var view = await scope.ServiceProvider.GetRequiredService<PrinterService>().GetAsync(demo.Id, ct);
                await scope.ServiceProvider.GetRequiredService<PrinterService>().SaveAsync(view.StoreId, new SavePrinter(view.Id, view.Name, view.Role,
                    view.Connection, printerAddress, view.RegisterId, view.Station, view.Columns), ct);
            }
        }
        log.LogInformation("Demo devices: card terminal {Terminal}, MobilePay {MobilePay} (the customer approves by itself), printer {Printer} (paper in {Paper}).",
            terminalUrl ?? "not started", mobilePayUrl ?? "not started", printerAddress ?? "not started", PrinterOutput(node.Value));
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var process in _running)
        {
            try
            {
                if (!process.HasExited)
                    process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
            process.Dispose();
        }
        _running.Clear();
        return Task.CompletedTask;
    }

    private static bool IsLoopback(Uri? url) => url is not null && (url.IsLoopback || (IPAddress.TryParse(url.Host, out var ip) && IPAddress.IsLoopback(ip)));

    /// <summary>Starts a simulator built next to Kasse and answers where it listens, or null (with a warning) when it cannot.</summary>
    private async Task<string?> LaunchAsync(string name, string[] args, CancellationToken ct)
    {
        var appHost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? name + ".exe" : name);
        var dll = Path.Combine(AppContext.BaseDirectory, name + ".dll");
        ProcessStartInfo start;
        if (File.Exists(appHost))
            start = new ProcessStartInfo(appHost);
        else if (File.Exists(dll))
        {
            start = new ProcessStartInfo("dotnet");
            start.ArgumentList.Add(dll);
        }
        else
        {
            log.LogWarning("The demo device {Name} is not next to Kasse ({Folder}), so the demo register's device stays unreachable.", name, AppContext.BaseDirectory);
            return null;
        }
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.WorkingDirectory = Folder(node.Value);
        var process = Process.Start(start);
        if (process is null)
            return null;
        lock (_running)
            _running.Add(process);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (Listening().Match(line) is { Success: true } match)
                {
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
                    return match.Groups["address"].Value;
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // fall through: it did not say where it listens in time
        }
        log.LogWarning("The demo device {Name} did not start: {Error}", name, process.HasExited ? await process.StandardError.ReadToEndAsync(ct) : "no answer within 60 s");
        return null;
    }

    /// <summary>"… listening on http://127.0.0.1:41234 (…)" from the HTTP simulators, "listening on 127.0.0.1:41235" from the printer.</summary>
    [GeneratedRegex(@"listening on (?<address>(http://)?127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
