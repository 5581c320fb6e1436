using Kasse.Domain.Staff;
using Kasse.Server.Ui.Access;

namespace Kasse.Server.Ui.Shared;

/// <summary>
/// Calls an application service in its own DI scope, as the circuit's actor (<see cref="UiSession"/>). A Blazor
/// circuit lives as long as the page, and its events may overlap while one awaits the database; a DbContext per
/// call keeps them apart and never holds stale rows.
/// </summary>
public sealed class Backend(IServiceScopeFactory scopes, UiSession session, ILogger<Backend> logger)
{
    /// <summary>A call a person waits on for longer than this is logged as a warning: the screen showed nothing meanwhile.</summary>
    public static readonly TimeSpan Slow = TimeSpan.FromSeconds(3);

    /// <summary>Who acts in this circuit now, checked against the database (for page guards).</summary>
    public async Task<Kasse.Application.Staff.Actor> ActorAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        return await session.CheckAsync(scope.ServiceProvider);
    }

    public Task<TResult> Call<TService, TResult>(Func<TService, Task<TResult>> call) where TService : notnull => Call(null, call);

    public Task Call<TService>(Func<TService, Task> call) where TService : notnull => Call<TService>(null, call);

    /// <summary>The call, if the actor's role has <paramref name="needed"/> (the permission the API asks for the same thing).</summary>
    public async Task<TResult> Call<TService, TResult>(Permission? needed, Func<TService, Task<TResult>> call) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        var actor = await session.ActInAsync(scope.ServiceProvider);
        if (needed is { } permission)
            UiSession.Require(actor, permission);
        session.Touch();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return await call(scope.ServiceProvider.GetRequiredService<TService>());
        }
        finally
        {
            WarnIfSlow<TService>(started);
        }
    }

    public async Task Call<TService>(Permission? needed, Func<TService, Task> call) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        var actor = await session.ActInAsync(scope.ServiceProvider);
        if (needed is { } permission)
            UiSession.Require(actor, permission);
        session.Touch();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await call(scope.ServiceProvider.GetRequiredService<TService>());
        }
        finally
        {
            WarnIfSlow<TService>(started);
        }
    }

    private void WarnIfSlow<TService>(long started)
    {
        var took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        if (took > Slow)
            logger.LogWarning("A screen's call to {Service} took {Milliseconds} ms", typeof(TService).Name, (long)took.TotalMilliseconds);
    }
}
