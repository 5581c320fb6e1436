namespace Kasse.Domain.Staff;

public enum PunchKind
{
    ClockIn,
    BreakStart,
    BreakEnd,
    ClockOut,
}

/// <summary>One press of the time clock. A manager's correction changes the time and is audited.</summary>
public sealed class TimePunch
{
    private TimePunch() { }

    public TimePunch(Guid id, Guid employeeId, PunchKind kind, DateTimeOffset at, Guid? registerId)
    {
        Id = id;
        EmployeeId = employeeId;
        Kind = kind;
        At = at;
        RegisterId = registerId;
    }

    public Guid Id { get; private set; }
    public Guid EmployeeId { get; private set; }
    public PunchKind Kind { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? RegisterId { get; private set; }
    public Guid? CorrectedById { get; private set; }
    public bool IsDeleted { get; private set; }

    public void Correct(DateTimeOffset at, Guid? correctedBy)
    {
        At = at;
        CorrectedById = correctedBy;
    }

    public void Delete(Guid? correctedBy)
    {
        IsDeleted = true;
        CorrectedById = correctedBy;
    }

    /// <summary>What the employee may press next, given their last punch (null: not clocked in).</summary>
    public static void EnsureAllowedAfter(PunchKind? last, PunchKind next)
    {
        var allowed = (last, next) switch
        {
            (null or PunchKind.ClockOut, PunchKind.ClockIn) => true,
            (PunchKind.ClockIn or PunchKind.BreakEnd, PunchKind.BreakStart or PunchKind.ClockOut) => true,
            (PunchKind.BreakStart, PunchKind.BreakEnd) => true,
            _ => false,
        };
        if (!allowed)
            throw DomainException.Conflict(TimeClockErrors.OutOfOrder, last switch
            {
                null or PunchKind.ClockOut => "Clock in first.",
                PunchKind.BreakStart => "End the break first.",
                _ => next == PunchKind.ClockIn ? "Already clocked in." : "End the break first.",
            });
    }
}

/// <summary>Worked time from punches: from clock-in to clock-out, less breaks.</summary>
public static class WorkedTime
{
    public sealed record Shift(DateTimeOffset In, DateTimeOffset? Out, TimeSpan Breaks, TimeSpan Worked);

    public static IReadOnlyList<Shift> Shifts(IEnumerable<TimePunch> punches, DateTimeOffset now)
    {
        var shifts = new List<Shift>();
        DateTimeOffset? clockIn = null;
        DateTimeOffset? breakStart = null;
        var breaks = TimeSpan.Zero;
        foreach (var p in punches.Where(p => !p.IsDeleted).OrderBy(p => p.At))
        {
            switch (p.Kind)
            {
                case PunchKind.ClockIn:
                    clockIn = p.At;
                    breaks = TimeSpan.Zero;
                    breakStart = null;
                    break;
                case PunchKind.BreakStart when clockIn is not null:
                    breakStart = p.At;
                    break;
                case PunchKind.BreakEnd when breakStart is not null:
                    breaks += p.At - breakStart.Value;
                    breakStart = null;
                    break;
                case PunchKind.ClockOut when clockIn is not null:
                    if (breakStart is not null)
                        breaks += p.At - breakStart.Value;
                    shifts.Add(new Shift(clockIn.Value, p.At, breaks, p.At - clockIn.Value - breaks));
                    clockIn = null;
                    breakStart = null;
                    break;
            }
        }
        if (clockIn is not null)
        {
            var openBreak = breakStart is null ? TimeSpan.Zero : now - breakStart.Value;
            shifts.Add(new Shift(clockIn.Value, null, breaks + openBreak, now - clockIn.Value - breaks - openBreak));
        }
        return shifts;
    }
}
