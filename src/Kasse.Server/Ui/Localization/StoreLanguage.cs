using Kasse.Data;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Server.Ui.Localization;

/// <summary>
/// The store's language (a back-office setting): what the screens speak to anyone who has not picked their own.
/// Read from the database at most every few seconds, since every request asks; saving the setting forgets it at once.
/// A node with several stores uses the first by name.
/// </summary>
public sealed class StoreLanguage(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(10);
    private volatile Cached? _cached;

    private sealed record Cached(UiLanguage Language, DateTimeOffset At);

    public async Task<UiLanguage> GetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_cached is { } cached && now - cached.At < Fresh)
            return cached.Language;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
        string? code;
        try
        {
            code = await db.Stores.AsNoTracking().OrderBy(s => s.Name).Select(s => s.Language).FirstOrDefaultAsync(ct);
        }
        catch (System.Data.Common.DbException)
        {
            // The database being away must not take the pages (or /health) down with it; the API says why elsewhere.
            return UiLanguages.Danish;
        }
        var language = UiLanguages.Find(code) ?? UiLanguages.Danish;
        _cached = new Cached(language, now);
        return language;
    }

    public void Forget() => _cached = null;
}

/// <summary>Asks <see cref="StoreLanguage"/> after the person's own choice (the cookie) has had its say.</summary>
public sealed class StoreLanguageCultureProvider : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var language = await httpContext.RequestServices.GetRequiredService<StoreLanguage>().GetAsync(httpContext.RequestAborted);
        return new ProviderCultureResult(language.Culture.Name);
    }
}
