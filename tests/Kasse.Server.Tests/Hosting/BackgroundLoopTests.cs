using Kasse.Application.Hosting;
using Kasse.Tests;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Kasse.Server.Tests.Hosting;

/// <summary>
/// The one background loop under the print queue, webhooks, payment recovery, pruning and the fraud sweep, on a
/// fake clock: a round comes when its time has come on the clock and not a moment before, and a failed round
/// does not stop the work. Every step waits for the loop's own state, never for real time.
/// </summary>
public sealed class BackgroundLoopTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task A_loop_works_at_start_then_waits_its_interval_on_its_clock_and_not_a_moment_less()
    {
        var clock = new WatchedClock();
        using var loop = new CountingLoop(Hour, clock);
        await loop.StartAsync(TestContext.Current.CancellationToken);

        await clock.WaitForTimersAsync(1); // the first round is done and the loop waits
        clock.Advance(Hour - TimeSpan.FromSeconds(1));
        var beforeItsTime = loop.Rounds;
        clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => loop.Rounds == 2, "a second round once the hour has passed");
        await loop.StopAsync(CancellationToken.None);

        Assert.Equal(1, beforeItsTime);
    }

    [Fact]
    public async Task A_sweep_that_does_not_run_at_start_waits_its_first_interval()
    {
        var clock = new WatchedClock();
        using var loop = new CountingLoop(Hour, clock, runsAtStart: false);
        await loop.StartAsync(TestContext.Current.CancellationToken);

        await clock.WaitForTimersAsync(1);
        var atStart = loop.Rounds;
        clock.Advance(Hour);
        await Eventually.TrueAsync(() => loop.Rounds == 1, "the first round after an hour");
        await loop.StopAsync(CancellationToken.None);

        Assert.Equal(0, atStart);
    }

    [Fact]
    public async Task A_failed_round_is_tried_again_after_the_interval_and_the_loop_goes_on()
    {
        var clock = new WatchedClock();
        using var loop = new CountingLoop(Hour, clock) { FailingRounds = 1 };
        await loop.StartAsync(TestContext.Current.CancellationToken);

        await clock.WaitForTimersAsync(1);
        clock.Advance(Hour);
        await Eventually.TrueAsync(() => loop.Rounds == 2, "the round after the failed one");
        await loop.StopAsync(CancellationToken.None);

        Assert.Equal(1, loop.Failed);
    }

    [Fact]
    public async Task A_wake_runs_a_round_now_and_RunRoundAsync_returns_only_after_a_round_that_began_after_it()
    {
        var clock = new WatchedClock();
        using var wake = new WakeSignal();
        using var loop = new CountingLoop(Hour, clock, wake: wake);
        await loop.StartAsync(TestContext.Current.CancellationToken);
        await clock.WaitForTimersAsync(1);

        var round = loop.RunRoundAsync(TestContext.Current.CancellationToken);
        // Woken: the loop lets the waker's transaction commit (50 ms on its clock) before it looks.
        await clock.WaitForTimersAsync(2);
        var beforeTheSettle = round.IsCompleted;
        clock.Advance(TimeSpan.FromMilliseconds(50));
        await round.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await loop.StopAsync(CancellationToken.None);

        Assert.False(beforeTheSettle);
        Assert.Equal(2, loop.Rounds); // no hour passed on the clock: the wake alone brought the second round
    }

    private sealed class CountingLoop(TimeSpan interval, TimeProvider clock, bool runsAtStart = true, WakeSignal? wake = null)
        : BackgroundLoop(interval, clock, NullLogger.Instance, wake)
    {
        private int _rounds;
        private int _failed;

        public int FailingRounds { get; init; }
        public int Rounds => Volatile.Read(ref _rounds);
        public int Failed => Volatile.Read(ref _failed);

        protected override bool RunsAtStart => runsAtStart;

        protected override Task<TimeSpan> RunOnceAsync(CancellationToken ct)
        {
            if (Interlocked.Increment(ref _rounds) <= FailingRounds)
            {
                Interlocked.Increment(ref _failed);
                throw new InvalidOperationException("the database is away for a moment");
            }
            return Task.FromResult(Interval);
        }
    }

    /// <summary>A fake clock that counts the timers made on it, so a test knows the loop is waiting before it moves time.</summary>
    private sealed class WatchedClock : FakeTimeProvider
    {
        private int _timers;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            // Counted once it is on the clock: a test that moves time after seeing the count moves it for this timer.
            var timer = base.CreateTimer(callback, state, dueTime, period);
            Interlocked.Increment(ref _timers);
            return timer;
        }

        public Task WaitForTimersAsync(int count) =>
            Eventually.TrueAsync(() => Volatile.Read(ref _timers) >= count, $"the loop to wait on the clock ({count} timer(s))");
    }
}
