using System.Globalization;
using Kasse.Application.Csv;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Staff;

public sealed record PunchView(Guid Id, Guid EmployeeId, PunchKind Kind, DateTimeOffset At, Guid? RegisterId, Guid? CorrectedById)
{
    public static PunchView From(TimePunch p) => new(p.Id, p.EmployeeId, p.Kind, p.At, p.RegisterId, p.CorrectedById);
}

public sealed record ShiftView(DateTimeOffset ClockedIn, DateTimeOffset? ClockedOut, decimal BreakMinutes, decimal WorkedHours);

public sealed record TimesheetView(Guid EmployeeId, string Name, IReadOnlyList<ShiftView> Shifts, decimal TotalWorkedHours, decimal TotalBreakMinutes);

/// <summary>Clock in and out and breaks at the till; a manager's corrections are audited with before and after.</summary>
public sealed class TimeClockService(KasseDbContext db, AuditTrail audit, CurrentActor actor, TimeProvider clock)
{
    public async Task<PunchView> PunchAsync(Guid employeeId, PunchKind kind, Guid? registerId, CancellationToken ct)
    {
        var me = actor.Value;
        if (me.EmployeeId is { } signedIn && signedIn != employeeId && !me.May(Permission.ManageTimesheets))
            throw DomainException.Forbidden(TimeClockErrors.SomeoneElse, "You can only clock yourself in and out.");
        var employee = await db.Employees.FindAsync([employeeId], ct)
            ?? throw DomainException.NotFound(EmployeeErrors.NotFound, $"No employee has id {employeeId}.");
        var last = await db.TimePunches.Where(p => p.EmployeeId == employeeId && !p.IsDeleted).OrderByDescending(p => p.At).FirstOrDefaultAsync(ct);
        TimePunch.EnsureAllowedAfter(last?.Kind, kind);
        var punch = new TimePunch(Guid.CreateVersion7(), employee.Id, kind, clock.Now(), registerId ?? me.RegisterId);
        db.TimePunches.Add(punch);
        await db.SaveChangesAsync(ct);
        return PunchView.From(punch);
    }

    /// <summary>A manager adds a punch the employee forgot (audited).</summary>
    public async Task<PunchView> AddMissingAsync(Guid employeeId, PunchKind kind, DateTimeOffset at, string reason, CancellationToken ct)
    {
        var employee = await db.Employees.FindAsync([employeeId], ct)
            ?? throw DomainException.NotFound(EmployeeErrors.NotFound, $"No employee has id {employeeId}.");
        var punch = new TimePunch(Guid.CreateVersion7(), employee.Id, kind, at, null);
        punch.Correct(at, actor.Value.EmployeeId);
        db.TimePunches.Add(punch);
        audit.Record(AuditAction.TimeClockCorrected, AuditTexts.PunchAdded(kind, employee.Name, at, Reason(reason)), subject: employee.Id.ToString(),
            after: new { kind, at });
        await db.SaveChangesAsync(ct);
        return PunchView.From(punch);
    }

    /// <summary>A manager moves a punch (or deletes it, when <paramref name="at"/> is null), with a reason (audited).</summary>
    public async Task<PunchView> CorrectAsync(Guid punchId, DateTimeOffset? at, string reason, CancellationToken ct)
    {
        var punch = await db.TimePunches.FirstOrDefaultAsync(p => p.Id == punchId && !p.IsDeleted, ct)
            ?? throw DomainException.NotFound(TimeClockErrors.PunchNotFound, $"No punch has id {punchId}.");
        var before = new { punch.Kind, punch.At };
        if (at is null)
            punch.Delete(actor.Value.EmployeeId);
        else
            punch.Correct(at.Value, actor.Value.EmployeeId);
        audit.Record(AuditAction.TimeClockCorrected, at is null ? AuditTexts.PunchDeleted(punch.Kind, Reason(reason)) : AuditTexts.PunchMoved(punch.Kind, before.At, at.Value, Reason(reason)),
            subject: punch.EmployeeId.ToString(), before: before, after: at is null ? null : new { punch.Kind, punch.At });
        await db.SaveChangesAsync(ct);
        return PunchView.From(punch);
    }

    /// <summary>The punches in a period, oldest first, for a manager to correct.</summary>
    public async Task<IReadOnlyList<PunchView>> PunchesAsync(DateTimeOffset from, DateTimeOffset to, Guid? employeeId, CancellationToken ct)
    {
        var visible = await VisibleEmployeesAsync(ct);
        return (await db.TimePunches.AsNoTracking().Where(p => !p.IsDeleted && p.At >= from && p.At < to && (employeeId == null || p.EmployeeId == employeeId))
            .ToListAsync(ct)).Where(p => visible is null || visible.Contains(p.EmployeeId)).OrderBy(p => p.At).Select(PunchView.From).ToList();
    }

    /// <summary>
    /// Whose time a store-limited manager sees: the people who work in one of their stores (chain-wide ones
    /// included, as in the staff list); null for a chain-wide caller. Staff lists are small, so this runs in memory.
    /// </summary>
    private async Task<HashSet<Guid>?> VisibleEmployeesAsync(CancellationToken ct)
    {
        if (actor.Value.Stores is not { } mine)
            return null;
        return (await db.Employees.AsNoTracking().ToListAsync(ct))
            .Where(e => e.StoreIds is not { } theirs || theirs.Overlaps(mine)).Select(e => e.Id).ToHashSet();
    }

    /// <summary>The employee's last punch (null: never clocked in), so the till offers only the next allowed press.</summary>
    public async Task<PunchView?> LastPunchAsync(Guid employeeId, CancellationToken ct) =>
        (await db.TimePunches.AsNoTracking().Where(p => p.EmployeeId == employeeId && !p.IsDeleted).ToListAsync(ct))
            .OrderByDescending(p => p.At).Select(PunchView.From).FirstOrDefault();

    public async Task<IReadOnlyList<TimesheetView>> TimesheetsAsync(DateTimeOffset from, DateTimeOffset to, Guid? employeeId, CancellationToken ct)
    {
        if (to <= from)
            throw DomainException.Invalid(TimesheetErrors.Period, "The period's end must be after its start.");
        var visible = await VisibleEmployeesAsync(ct);
        var punches = (await db.TimePunches.AsNoTracking()
            .Where(p => !p.IsDeleted && p.At >= from && p.At < to && (employeeId == null || p.EmployeeId == employeeId)).ToListAsync(ct))
            .Where(p => visible is null || visible.Contains(p.EmployeeId)).ToList();
        var ids = punches.Select(p => p.EmployeeId).Distinct().ToList();
        var names = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var now = clock.Now();
        return punches.GroupBy(p => p.EmployeeId).Select(g =>
        {
            var shifts = WorkedTime.Shifts(g, now < to ? now : to)
                .Select(s => new ShiftView(s.In, s.Out, Math.Round((decimal)s.Breaks.TotalMinutes, 1), Math.Round((decimal)s.Worked.TotalHours, 2))).ToList();
            return new TimesheetView(g.Key, names.GetValueOrDefault(g.Key, "?"), shifts, shifts.Sum(s => s.WorkedHours), shifts.Sum(s => s.BreakMinutes));
        }).OrderBy(t => t.Name).ToList();
    }

    /// <summary>Payroll export: one row per shift, semicolon separated as Danish spreadsheets expect, decimal comma avoided (invariant).</summary>
    public static string PayrollCsv(IReadOnlyList<TimesheetView> sheets) =>
        CsvFile.Write(';', ["employee_id", "name", "clock_in", "clock_out", "break_minutes", "worked_hours"],
            sheets.SelectMany(sheet => sheet.Shifts.Select(shift => new CsvCell[]
            {
                CsvCell.Value(sheet.EmployeeId.ToString()), sheet.Name,
                CsvCell.Value(shift.ClockedIn.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
                CsvCell.Value(shift.ClockedOut?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? ""),
                CsvCell.Value(shift.BreakMinutes.ToString(CultureInfo.InvariantCulture)), CsvCell.Value(shift.WorkedHours.ToString(CultureInfo.InvariantCulture)),
            })));

    private static string Reason(string reason) => Text.Required(reason, 200, "time-clock.reason", "A reason for the correction");
}
