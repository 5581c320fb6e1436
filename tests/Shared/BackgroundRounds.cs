using Kasse.Application.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kasse.Tests;

public static class BackgroundRounds
{
    /// <summary>
    /// Has the server's background loop (print queue, webhook delivery, pruning …) run a whole round that began
    /// after this call, bounded: what it would do with the state the test left, it has done.
    /// </summary>
    public static async Task RoundAsync<TLoop>(this IServiceProvider services, TimeSpan? patience = null) where TLoop : BackgroundLoop
    {
        var loop = services.GetServices<IHostedService>().OfType<TLoop>().Single();
        var limit = patience ?? Eventually.DefaultPatience;
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await loop.RunRoundAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"{typeof(TLoop).Name} did not finish a round within {limit.TotalSeconds:0} s.");
        }
    }
}
