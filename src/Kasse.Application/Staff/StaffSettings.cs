using Kasse.Data;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Staff;

/// <summary>Owner-tunable numbers: the discount approval limit and the fraud rules' thresholds.</summary>
public sealed class StaffSettings(KasseDbContext db, AuditTrail audit)
{
    public async Task<decimal> GetAsync(string key, decimal fallback, CancellationToken ct) =>
        (await db.StaffSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key, ct))?.Value ?? fallback;

    public async Task SetAsync(string key, decimal value, decimal fallback, CancellationToken ct)
    {
        var setting = await db.StaffSettings.FirstOrDefaultAsync(s => s.Key == key, ct);
        var before = setting?.Value ?? fallback;
        if (setting is null)
            db.StaffSettings.Add(new StaffSetting(key, value));
        else
            setting.Change(value);
        audit.Record(AuditAction.SettingChanged, AuditTexts.StaffSettingChanged(key, before, value), subject: key, before: before, after: value);
        await db.SaveChangesAsync(ct);
    }
}
