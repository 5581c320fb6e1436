using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kasse.Server.Tests.Webhooks;

/// <summary>
/// A real HTTP receiver on Kestrel at a fixed loopback port, which a test starts late (to play a receiver that is
/// down) and can make answer with an error. It keeps each body and its headers as they arrived.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(DateTimeOffset At, string Body, string? Signature, string? EventType, string? DeliveryId);

    private WebApplication? _app;

    public int Port { get; } = FreePort();
    public Uri Url => new($"http://127.0.0.1:{Port}/kasse-hook");
    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>The status the receiver answers with (e.g. 500 to play a broken receiver).</summary>
    public int Status { get; set; } = StatusCodes.Status204NoContent;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        _app = builder.Build();
        _app.MapPost("/kasse-hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            Requests.Enqueue(new Received(DateTimeOffset.UtcNow, body, context.Request.Headers["Kasse-Signature"], context.Request.Headers["Kasse-Event"],
                context.Request.Headers["Kasse-Delivery"]));
            return Results.StatusCode(Status);
        });
        await _app.StartAsync();
    }

    /// <summary>A port nobody listens on now (the OS hands out a free one; we release it for the receiver to take later).</summary>
    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
