using Kasse.Application.Staff;

namespace Kasse.Application.Stores;

/// <summary>How a store's tills behave, kept with the owner's other settings (audited when changed).</summary>
public sealed record TillSettingsView(bool MergeRepeatedScans);

/// <summary>A store's till settings. Kept as owner settings per store (no table of their own), on by default.</summary>
public sealed class TillSettings(StaffSettings settings, CurrentActor actor)
{
    /// <summary>A second scan of the same piece product at the same price raises the line's quantity instead of adding a line.</summary>
    private static string MergeKey(Guid storeId) => "till.merge-repeated-scans." + storeId.ToString("N");

    public async Task<TillSettingsView> GetAsync(Guid storeId, CancellationToken ct) =>
        new(await settings.GetAsync(MergeKey(storeId), 1m, ct) != 0m);

    public async Task<TillSettingsView> SetAsync(Guid storeId, TillSettingsView wanted, CancellationToken ct)
    {
        actor.Value.Require(Kasse.Domain.Staff.Permission.ManageSettings);
        await settings.SetAsync(MergeKey(storeId), wanted.MergeRepeatedScans ? 1m : 0m, 1m, ct);
        return wanted;
    }
}
