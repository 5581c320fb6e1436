using System.Globalization;
using Kasse.Application.Fiscal;
using Kasse.Application.Printing;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.CashControl;
using Kasse.Domain.Fiscal;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.CashControl;

/// <summary>
/// The drawer of a register: a session opens with a counted float, cash is dropped to the safe or paid in
/// with a reason, and the session closes with a blind count. Every step is journaled in its transaction.
/// Selling does not need an open session (the till keeps working); cash taken meanwhile is reported apart.
/// </summary>
public sealed class CashControlService(KasseDbContext db, FiscalJournal journal, TransactionSigner signer, PrintQueue printing, TimeProvider clock,
    KasseTelemetry telemetry)
{
    private static readonly string[] RealReceiptKinds = [nameof(JournalEventKind.SaleCompleted), nameof(JournalEventKind.ReturnCompleted)];

    public Task<SessionView> OpenSessionAsync(Guid registerId, OpenSession command, CancellationToken ct) =>
        db.CreateOnceAsync(() => db.InTransactionAsync(async () =>
        {
            if (command.Id == Guid.Empty)
                throw DomainException.Invalid(SessionErrors.Id, "Give the session an id (a new UUID chosen by the till).");
            var existing = await db.RegisterSessions.FirstOrDefaultAsync(s => s.Id == command.Id, ct);
            if (existing is not null)
                return existing.RegisterId == registerId
                    ? SessionView.From(existing)
                    : throw DomainException.Conflict(SessionErrors.IdUsed, $"Session {command.Id} belongs to another register.");
            var register = await StoreService.FindRegisterAsync(db, registerId, ct);
            await db.LockRegisterAsync(registerId, ct);
            await EnsureEmployeeAsync(db, command.EmployeeId, ct);
            var open = await db.RegisterSessions.AsNoTracking().FirstOrDefaultAsync(s => s.RegisterId == registerId && s.Status == SessionStatus.Open, ct);
            if (open is not null)
                throw DomainException.Conflict(SessionErrors.AlreadyOpen,
                    $"Register '{register.Name}' already has an open session. Count the cash and close it first.");
            var now = clock.Now();
            var session = RegisterSession.Open(command.Id, register.StoreId, register.Id, command.EmployeeId, command.OpeningFloat, now);
            var entry = await journal.AppendAsync(register.StoreId, now, JournalEventKind.CashSessionOpened, register.Id, command.EmployeeId, null,
                ReportPayload.ForSession(session), ct);
            session.Journaled(entry.Sequence);
            db.RegisterSessions.Add(session);
            await db.SaveChangesAsync(ct);
            db.AfterCommit(() => telemetry.SessionOpened(session));
            return SessionView.From(session);
        }, ct));

    public async Task<SessionView> CurrentSessionAsync(Guid registerId, CancellationToken ct)
    {
        var register = await StoreService.FindRegisterAsync(db, registerId, ct);
        var open = await db.RegisterSessions.AsNoTracking().FirstOrDefaultAsync(s => s.RegisterId == registerId && s.Status == SessionStatus.Open, ct);
        return open is null
            ? throw DomainException.NotFound(SessionErrors.NoneOpen, $"Register '{register.Name}' has no open session.")
            : SessionView.From(open);
    }

    public async Task<SessionView> GetSessionAsync(Guid registerId, Guid sessionId, CancellationToken ct) =>
        SessionView.From(await FindSessionAsync(registerId, sessionId, asNoTracking: true, ct));

    /// <summary>
    /// Records the blind count and only then works out what the drawer should hold, recording the
    /// difference as it is. Sending the same count again answers the same; a different one is refused.
    /// </summary>
    public Task<SessionView> CountAsync(Guid registerId, Guid sessionId, CountCash command, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        await StoreService.FindRegisterAsync(db, registerId, ct);
        await db.LockRegisterAsync(registerId, ct);
        var session = await FindSessionAsync(registerId, sessionId, asNoTracking: false, ct);
        if (session.Status == SessionStatus.Counted)
            return session.CountedCash == command.CountedCash
                ? SessionView.From(session)
                : throw DomainException.Conflict(SessionErrors.Counted, "This session is already counted and closed; a count is final.");
        await EnsureEmployeeAsync(db, command.EmployeeId, ct);
        var head = await db.LockJournalAsync(session.StoreId, ct);
        var taken = (await db.JournalEntries.AsNoTracking()
                .Where(e => e.StoreId == session.StoreId && e.RegisterId == registerId && e.Sequence > session.OpenedSequence
                    && RealReceiptKinds.Contains(e.Kind))
                .Join(db.Payments.Where(p => p.Method == Domain.Sales.PaymentMethod.Cash), e => e.SaleId, p => p.SaleId, (_, p) => new { p.Amount, p.Tip })
                .ToListAsync(ct))
            .Sum(p => p.Amount + p.Tip); // cash tips are in the drawer too
        var movements = await db.CashMovements.AsNoTracking().Where(m => m.SessionId == session.Id).ToListAsync(ct);
        var now = clock.Now();
        session.Count(command.CountedCash, SessionCash.Expected(session, taken, movements), command.EmployeeId, command.Note, now, head + 1);
        var entry = await journal.AppendAsync(session.StoreId, now, JournalEventKind.CashCounted, registerId, command.EmployeeId, null,
            ReportPayload.ForCount(session, taken, movements.Sum(m => m.SignedAmount)), ct);
        if (entry.Sequence != head + 1)
            throw new InvalidOperationException("The journal moved while it was locked.");
        await db.SaveChangesAsync(ct);
        db.AfterCommit(() => telemetry.CashCounted(session));
        return SessionView.From(session);
    }, ct);

    public Task<CashMovementView> RecordMovementAsync(Guid registerId, RecordCashMovement command, CancellationToken ct) =>
        db.CreateOnceAsync(() => db.InTransactionAsync(async () =>
        {
            if (command.Id == Guid.Empty)
                throw DomainException.Invalid(CashMovementErrors.Id, "Give the cash movement an id (a new UUID chosen by the till).");
            var existing = await db.CashMovements.AsNoTracking().FirstOrDefaultAsync(m => m.Id == command.Id, ct);
            if (existing is not null)
                return existing.RegisterId == registerId
                    ? CashMovementView.From(existing)
                    : throw DomainException.Conflict(CashMovementErrors.IdUsed, $"Cash movement {command.Id} belongs to another register.");
            var register = await StoreService.FindRegisterAsync(db, registerId, ct);
            await db.LockRegisterAsync(registerId, ct);
            await EnsureEmployeeAsync(db, command.EmployeeId, ct);
            var session = await db.RegisterSessions.AsNoTracking().FirstOrDefaultAsync(s => s.RegisterId == registerId && s.Status == SessionStatus.Open, ct)
                ?? throw NoOpenSession(register.Name);
            var now = clock.Now();
            var movement = CashMovement.Record(command.Id, session, command.Kind, command.Amount, command.Reason, command.EmployeeId, now);
            // A drop or pay-in is a SAF-T transaction (11010/11011): numbered and signed in the register's chain, under its lock.
            await signer.SignAsync(movement, await StoreService.FindStoreAsync(db, register.StoreId, ct), ct);
            await journal.AppendAsync(register.StoreId, now,
                movement.Kind == CashMovementKind.Drop ? JournalEventKind.CashWithdrawal : JournalEventKind.CashPaidIn,
                register.Id, command.EmployeeId, null, ReportPayload.ForMovement(movement), ct);
            db.CashMovements.Add(movement);
            await db.SaveChangesAsync(ct);
            db.AfterCommit(() => telemetry.CashMoved(movement));
            return CashMovementView.From(movement);
        }, ct));

    public async Task<IReadOnlyList<CashMovementView>> ListMovementsAsync(Guid registerId, Guid sessionId, CancellationToken ct)
    {
        await FindSessionAsync(registerId, sessionId, asNoTracking: true, ct);
        var movements = await db.CashMovements.AsNoTracking().Where(m => m.SessionId == sessionId).ToListAsync(ct);
        return movements.OrderBy(m => m.At).ThenBy(m => m.Id).Select(CashMovementView.From).ToList();
    }

    /// <summary>A "no sale" drawer opening (SAF-T 13005), counted on the X and Z reports.</summary>
    public Task<DrawerOpenedView> OpenDrawerAsync(Guid registerId, OpenDrawer command, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var register = await StoreService.FindRegisterAsync(db, registerId, ct);
        await EnsureEmployeeAsync(db, command.EmployeeId, ct);
        var reason = Text.Optional(command.Reason, CashMovement.MaxReasonLength, "drawer.reason", "The reason");
        var now = clock.Now();
        var entry = await journal.AppendAsync(register.StoreId, now, JournalEventKind.DrawerOpened, register.Id, command.EmployeeId, null,
            ReportPayload.ForDrawerOpen(register.Id, reason), ct);
        await printing.DrawerKickAsync(register.Id, saleId: null, ct);
        await db.SaveChangesAsync(ct);
        return new DrawerOpenedView(register.Id, now, entry.Sequence);
    }, ct);

    /// <summary>
    /// Journals the drawer shut again (SAF-T 13006), naming the opening it ends when the journal has one, so an
    /// auditor sees how long it stood open. Any opening counts: a no-sale, or a cash sale the drawer's sensor saw.
    /// </summary>
    public Task<DrawerClosedView> CloseDrawerAsync(Guid registerId, CloseDrawer command, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var register = await StoreService.FindRegisterAsync(db, registerId, ct);
        await EnsureEmployeeAsync(db, command.EmployeeId, ct);
        var lastOpened = await db.JournalEntries.AsNoTracking()
            .Where(e => e.StoreId == register.StoreId && e.RegisterId == register.Id
                && (e.Kind == nameof(JournalEventKind.DrawerOpened) || e.Kind == nameof(JournalEventKind.DrawerClosed)))
            .OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Kind }).FirstOrDefaultAsync(ct);
        var now = clock.Now();
        var entry = await journal.AppendAsync(register.StoreId, now, JournalEventKind.DrawerClosed, register.Id, command.EmployeeId, null,
            ReportPayload.ForDrawerClose(register.Id, lastOpened?.Kind == nameof(JournalEventKind.DrawerOpened) ? lastOpened.Sequence : null), ct);
        await db.SaveChangesAsync(ct);
        return new DrawerClosedView(register.Id, now, entry.Sequence);
    }, ct);

    internal static async Task EnsureEmployeeAsync(KasseDbContext db, Guid? employeeId, CancellationToken ct)
    {
        if (employeeId is { } id && !await db.Employees.AnyAsync(e => e.Id == id && e.IsActive, ct))
            throw DomainException.NotFound(EmployeeErrors.NotFound, $"No active employee has id {id}.");
    }

    private async Task<RegisterSession> FindSessionAsync(Guid registerId, Guid sessionId, bool asNoTracking, CancellationToken ct)
    {
        await StoreService.FindRegisterAsync(db, registerId, ct);
        var sessions = asNoTracking ? db.RegisterSessions.AsNoTracking() : db.RegisterSessions;
        return await sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.RegisterId == registerId, ct)
            ?? throw DomainException.NotFound(SessionErrors.NotFound, $"Register {registerId} has no session {sessionId}.");
    }

    private static DomainException NoOpenSession(string registerName) =>
        DomainException.Conflict(SessionErrors.NoneOpen, $"Register '{registerName}' has no open session. Open one with the counted float first.");
}
