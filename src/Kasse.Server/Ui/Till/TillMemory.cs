using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;

namespace Kasse.Server.Ui.Till;

/// <summary>
/// What a till's browser remembers across a reload: its register and the signed-in cashier. The open sale is not
/// among them: it belongs to the register on the server, so another browser on the same register carries on with it. Kept in the browser's local storage, encrypted and signed by the server's
/// data-protection keys, so it can't be edited by hand. The access-control issue replaces the cashier part
/// with a proper sign-in cookie.
/// </summary>
public static class TillMemory
{
    private const string RegisterKey = "kasse.register";

    public sealed record TillState(Guid RegisterId, Guid? CashierId, string? CashierName);

    public static async Task<Guid?> RegisterAsync(ProtectedLocalStorage storage)
    {
        try
        {
            var result = await storage.GetAsync<Guid>(RegisterKey);
            return result.Success ? result.Value : null;
        }
        catch (CryptographicException)
        {
            return null; // written under other keys (a reinstalled node): start afresh
        }
    }

    public static async Task<TillState?> LoadAsync(ProtectedLocalStorage storage, Guid registerId)
    {
        try
        {
            var result = await storage.GetAsync<TillState>(StateKey(registerId));
            return result.Success ? result.Value : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public static async Task SaveAsync(ProtectedLocalStorage storage, TillState state)
    {
        await storage.SetAsync(RegisterKey, state.RegisterId);
        await storage.SetAsync(StateKey(state.RegisterId), state);
    }

    private static string StateKey(Guid registerId) => "kasse.till." + registerId.ToString("N");
}

/// <summary>Each cashier's language, remembered on the till they use (until users carry it in the back office).</summary>
public static class TillLanguage
{
    private static string Key(Guid employeeId) => "kasse.lang." + employeeId.ToString("N");

    public static async Task<Localization.UiLanguage?> PreferredAsync(ProtectedLocalStorage storage, Guid employeeId)
    {
        try
        {
            var result = await storage.GetAsync<string>(Key(employeeId));
            return result.Success ? Localization.UiLanguages.Find(result.Value) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public static ValueTask RememberAsync(ProtectedLocalStorage storage, Guid employeeId) =>
        storage.SetAsync(Key(employeeId), Localization.UiLanguages.Current.Code);
}
