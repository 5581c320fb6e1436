namespace Kasse.Server.Ui.Shared;

/// <summary>
/// Calls an application service in its own DI scope. A Blazor circuit lives as long as the page, and its events
/// may overlap while one awaits the database; a DbContext per call keeps them apart and never holds stale rows.
/// </summary>
public sealed class Backend(IServiceScopeFactory scopes)
{
    public async Task<TResult> Call<TService, TResult>(Func<TService, Task<TResult>> call) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task Call<TService>(Func<TService, Task> call) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        await call(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
