using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kasse.Application.Hosting;

/// <summary>
/// The one shape of Kasse's background work (print queue, webhook delivery, payment recovery, pruning, the fraud
/// sweep): a round of work, then a wait on the <see cref="TimeProvider"/> until the next round is due or a
/// <see cref="WakeSignal"/> says there is work now. A failed round is logged and tried again after the interval;
/// only stopping ends the loop. Each service keeps only its round.
/// </summary>
public abstract partial class BackgroundLoop : BackgroundService
{
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly WakeSignal _wake;
    private readonly Lock _gate = new();
    private long _started;
    private TaskCompletionSource<long> _finished = NewRound();

    /// <param name="interval">The wait between rounds, unless a round says otherwise, and after a failed round.</param>
    /// <param name="wake">Shared with whoever queues work; a loop without one is woken only by <see cref="RunRoundAsync"/>.</param>
    protected BackgroundLoop(TimeSpan interval, TimeProvider clock, ILogger logger, WakeSignal? wake = null)
    {
        Interval = interval;
        _clock = clock;
        _logger = logger;
        _wake = wake ?? new WakeSignal();
    }

    protected TimeSpan Interval { get; }
    protected TimeProvider Clock => _clock;
    protected ILogger Logger => _logger;

    /// <summary>Asks for another round as soon as this one ends: the round found more work than it took on.</summary>
    protected void Wake() => _wake.Wake();

    /// <summary>Whether the first round runs at start (catching up after a stop) or only after the first interval.</summary>
    protected virtual bool RunsAtStart => true;

    /// <summary>One round of the service's work; answers how long to wait for the next (at most; a wake comes sooner).</summary>
    protected abstract Task<TimeSpan> RunOnceAsync(CancellationToken ct);

    /// <summary>
    /// Starts a round now (after the one running, if any) and completes when it has finished: for an operator
    /// or a test that must know the work was looked at, e.g. that a printed job is not sent again.
    /// </summary>
    public async Task RunRoundAsync(CancellationToken ct)
    {
        long after;
        Task<long> finished;
        lock (_gate)
        {
            after = _started;
            finished = _finished.Task;
        }
        _wake.Wake();
        while (await finished.WaitAsync(ct) <= after)
        {
            lock (_gate)
                finished = _finished.Task;
        }
    }

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var wait = RunsAtStart ? TimeSpan.Zero : Interval;
            while (!stoppingToken.IsCancellationRequested)
            {
                if (wait > TimeSpan.Zero)
                    await _wake.WaitAsync(wait, _clock, stoppingToken);
                wait = await RoundAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<TimeSpan> RoundAsync(CancellationToken ct)
    {
        long round;
        lock (_gate)
            round = ++_started;
        try
        {
            return await RunOnceAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The database may be away for a moment (a restart); the work is still there on the next round.
            LogRoundFailed(_logger, e, GetType().Name, Interval);
            return Interval;
        }
        finally
        {
            TaskCompletionSource<long> done;
            lock (_gate)
            {
                done = _finished;
                _finished = NewRound();
            }
            done.SetResult(round);
        }
    }

    private static TaskCompletionSource<long> NewRound() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Loop}: the round failed; it is tried again in {Interval}")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, string loop, TimeSpan interval);
}
