using Kasse.Application.Fiscal;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Staff;

/// <summary>An employee as others see them; <see cref="AllStores"/> when chain-wide, else the <see cref="Stores"/> they work in.</summary>
public sealed record EmployeeView(Guid Id, string Name, string Role, bool IsActive, string? UserName, string Language = Languages.Danish,
    bool AllStores = false, IReadOnlyList<Guid>? Stores = null)
{
    public static EmployeeView From(Employee e) => new(e.Id, e.Name, e.Role, e.IsActive, e.UserName, e.Language, e.StoreIds is null,
        e.StoreIds?.Order().ToList() ?? []);
}

/// <summary>A manager's change to an employee; a null PIN keeps the one they have, null stores keep where they work.</summary>
public sealed record UpdateEmployee(string Name, string Role, string Language, bool IsActive, string? NewPin = null,
    IReadOnlyList<Guid>? Stores = null, bool? AllStores = null);

/// <summary>A supervisor's PIN entered on the till to allow one gated action.</summary>
public sealed record Approval(Guid EmployeeId, string Pin);

/// <summary>A signed-in employee and what their role allows, for the session the host keeps.</summary>
public sealed record SignedIn(EmployeeView Employee, IReadOnlySet<Permission> Permissions);

public sealed class EmployeeService(KasseDbContext db, FiscalJournal journal, AuditTrail audit, PermissionMatrix matrix,
    ApprovalThrottle throttle, CurrentActor current, TimeProvider clock)
{
    public Task<EmployeeView> CreateAsync(Guid id, string name, string role, string pin, CancellationToken ct) =>
        CreateAsync(id, name, role, pin, Languages.Danish, ct);

    public Task<EmployeeView> CreateAsync(Guid id, string name, string role, string pin, string language, CancellationToken ct) =>
        CreateAsync(id, name, role, pin, language, null, false, ct);

    /// <summary>Adds an employee who works in <paramref name="stores"/> (or the whole chain); see <see cref="StoreReach"/> for nothing named.</summary>
    public async Task<EmployeeView> CreateAsync(Guid id, string name, string role, string pin, string language, IReadOnlyCollection<Guid>? stores,
        bool allStores, CancellationToken ct)
    {
        var existing = await db.Employees.FindAsync([id], ct);
        if (existing is not null)
        {
            EnsureWithinCaller(existing);
            return EmployeeView.From(existing);
        }
        await EnsureRoleExistsAsync(role, ct);
        await EnsureNotAboveCallerAsync(role, ct);
        var employee = new Employee(id, name, role, PinHasher.Hash(pin), language);
        employee.WorkIn(await StoreReach.ResolveAsync(db, current.Value, employee.Role, stores, allStores, chainWideByDefault: true, "employee.stores", ct));
        db.Employees.Add(employee);
        audit.Record(AuditAction.EmployeeCreated, AuditTexts.EmployeeAdded(employee.Name, employee.Role, employee.StoreIds?.Count), subject: id.ToString(),
            after: new { employee.Name, employee.Role, employee.Stores });
        await db.SaveChangesAsync(ct);
        return EmployeeView.From(employee);
    }

    public async Task<EmployeeView> GetAsync(Guid id, CancellationToken ct) => EmployeeView.From(await FindAsync(id, ct));

    public async Task<EmployeeView> UpdateAsync(Guid id, UpdateEmployee command, CancellationToken ct)
    {
        var employee = await FindAsync(id, ct);
        var before = new { employee.Name, employee.Role, employee.Language, employee.IsActive, employee.Stores };
        await EnsureRoleExistsAsync(command.Role, ct);
        await EnsureNotAboveCallerAsync(employee.Role, ct);
        await EnsureNotAboveCallerAsync(command.Role, ct);
        employee.Rename(command.Name);
        await MoveAsync(employee, command.Role, command.Stores, command.AllStores, ct);
        employee.SetLanguage(command.Language);
        employee.SetActive(command.IsActive);
        if (!string.IsNullOrEmpty(command.NewPin))
            employee.ChangePin(PinHasher.Hash(command.NewPin));
        audit.Record(AuditAction.EmployeeChanged, AuditTexts.EmployeeEdited(employee.Name, !string.IsNullOrEmpty(command.NewPin)),
            subject: id.ToString(), before: before, after: new { employee.Name, employee.Role, employee.Language, employee.IsActive, employee.Stores });
        await db.SaveChangesAsync(ct);
        return EmployeeView.From(employee);
    }

    private static DomainException EmployeeNotFound(Guid id) => DomainException.NotFound(EmployeeErrors.NotFound, $"No employee has id {id}.");

    /// <summary>
    /// The employees who may work in any of the caller's stores (chain-wide ones included: they work there too);
    /// a chain-wide caller sees everyone. Staff lists are small, so the filter runs here rather than in SQL.
    /// </summary>
    public async Task<IReadOnlyList<EmployeeView>> ListAsync(CancellationToken ct) =>
        (await db.Employees.OrderBy(e => e.Name).ToListAsync(ct)).Where(SharesAStoreWithCaller).Select(EmployeeView.From).ToList();

    // Nobody signed in yet is the till's sign-in screen, which picks its store's people itself.
    private bool SharesAStoreWithCaller(Employee e) =>
        current.Value.Stores is not { } mine || (current.Value.EmployeeId is null && current.Value.ApiKeyId is null)
        || e.StoreIds is not { } theirs || theirs.Overlaps(mine);

    /// <summary>A store-limited manager changes only people who work nowhere but in the manager's stores.</summary>
    private void EnsureWithinCaller(Employee employee)
    {
        if (!StoreAccess.Within(employee.StoreIds, current.Value.Stores))
            throw Actor.NotYours();
    }

    /// <summary>Changes role and stores together, in the order the rule "only an Owner or Accountant is chain-wide" allows.</summary>
    private async Task MoveAsync(Employee employee, string? role, IReadOnlyCollection<Guid>? stores, bool? allStores, CancellationToken ct)
    {
        var newRole = role is null ? employee.Role : RoleDefinition.ValidName(role);
        var mustName = employee.StoreIds is null && !StoreAccess.MayBeChainWide(newRole);
        if (stores is null && allStores is null && !mustName)
        {
            employee.ChangeRole(newRole);
            return;
        }
        var reach = await StoreReach.ResolveAsync(db, current.Value, newRole, stores, allStores == true, chainWideByDefault: false, "employee.stores", ct);
        if (reach is null)
        {
            employee.ChangeRole(newRole);
            employee.WorkIn(null);
        }
        else
        {
            employee.WorkIn(reach);
            employee.ChangeRole(newRole);
        }
    }

    /// <summary>Active employees whose role allows <paramref name="permission"/> (e.g. the supervisors a till may ask to approve).</summary>
    public async Task<IReadOnlyList<EmployeeView>> ListAllowedToAsync(Permission permission, CancellationToken ct)
    {
        var allowed = new List<EmployeeView>();
        foreach (var employee in (await db.Employees.AsNoTracking().Where(e => e.IsActive).OrderBy(e => e.Name).ToListAsync(ct)).Where(SharesAStoreWithCaller))
            if ((await matrix.PermissionsOfAsync(db, employee.Role, ct)).Contains(permission))
                allowed.Add(EmployeeView.From(employee));
        return allowed;
    }

    /// <summary>The owner or a manager changes an employee: role, PIN, back-office login, or deactivates them (audited).</summary>
    public Task<EmployeeView> ChangeAsync(Guid id, string? role, string? pin, string? userName, string? password, bool? active, CancellationToken ct) =>
        ChangeAsync(id, role, pin, userName, password, active, null, null, ct);

    /// <summary>As above, and moves the employee to other stores (null keeps them; allStores makes an Owner or Accountant chain-wide).</summary>
    public async Task<EmployeeView> ChangeAsync(Guid id, string? role, string? pin, string? userName, string? password, bool? active,
        IReadOnlyCollection<Guid>? stores, bool? allStores, CancellationToken ct)
    {
        var employee = await FindAsync(id, ct);
        var before = new { employee.Role, employee.UserName, employee.IsActive, employee.Stores };
        await EnsureNotAboveCallerAsync(employee.Role, ct);
        if (role is not null)
        {
            await EnsureRoleExistsAsync(role, ct);
            await EnsureNotAboveCallerAsync(role, ct);
        }
        if (role is not null || stores is not null || allStores is not null)
            await MoveAsync(employee, role, stores, allStores, ct);
        if (pin is not null)
            employee.ChangePin(PinHasher.Hash(pin));
        if (password is not null)
            employee.SetBackOfficeLogin(userName ?? employee.UserName
                ?? throw DomainException.Invalid(EmployeeErrors.UserName, "Give a userName for the back-office login."), PasswordHasher.Hash(password));
        else if (userName is not null)
            throw DomainException.Invalid(EmployeeErrors.Password, "Set a password together with the user name.");
        if (active == false)
            employee.Deactivate();
        var changes = new List<AuditMessage>();
        if (role is not null) changes.Add(AuditTexts.EmployeeRolePart(before.Role, employee.Role));
        if (pin is not null) changes.Add(AuditTexts.EmployeePinPart());
        if (password is not null) changes.Add(AuditTexts.EmployeePasswordPart());
        if (active == false) changes.Add(AuditTexts.EmployeeDeactivatedPart());
        if (before.Stores != employee.Stores) changes.Add(AuditTexts.EmployeeStoresPart(employee.StoreIds?.Count));
        audit.Record(AuditAction.EmployeeChanged, AuditTexts.EmployeeChanged(employee.Name, changes), subject: id.ToString(),
            before: before, after: new { employee.Role, employee.UserName, employee.IsActive, employee.Stores });
        await db.SaveChangesAsync(ct);
        return EmployeeView.From(employee);
    }

    /// <summary>
    /// A cashier signs in at a till with their PIN (journaled, SAF-T 13003). A wrong PIN is refused without
    /// saying whether the employee exists; repeated failures lock the employee out with a growing wait.
    /// Failures are saved before the refusal, so they count even though the request fails.
    /// </summary>
    public async Task<SignedIn> SignInAsync(Guid registerId, Guid employeeId, string pin, CancellationToken ct)
    {
        var register = await StoreService.FindRegisterAsync(db, registerId, ct);
        var employee = await db.Employees.FindAsync([employeeId], ct);
        await EnsureCanSignInAsync(employee, employeeId, register.StoreId, register.Id, "PIN", e => PinHasher.Verify(pin, e.PinHash), ct);
        if (!StoreAccess.Includes(employee!.StoreIds, register.StoreId))
        {
            // The PIN was right, so saying why helps the person; it is audited like any refused sign-in.
            audit.Record(AuditAction.SignInFailed, AuditTexts.SignInWrongStore(employee.Name), subject: employee.Id.ToString(),
                storeId: register.StoreId, registerId: register.Id, by: Actor.Anonymous);
            await db.SaveChangesAsync(ct);
            throw DomainException.Forbidden(StoreErrors.NotYours, $"{employee.Name} does not work in this store, so cannot sign in at its tills. Ask the owner to add the store.");
        }
        return await db.InTransactionAsync(async () =>
        {
            var entry = await journal.AppendAsync(register.StoreId, clock.Now(), JournalEventKind.EmployeeSignedIn, register.Id, employee!.Id, null,
                FiscalPayload.ForEmployee(employee.Id, employee.Name), ct);
            audit.Record(AuditAction.SignedIn, AuditTexts.SignedInAtTill(employee.Name), subject: employee.Id.ToString(),
                storeId: register.StoreId, registerId: register.Id, journalSequence: entry.Sequence, by: ActorFor(employee, register.Id, null));
            await db.SaveChangesAsync(ct);
            return new SignedIn(EmployeeView.From(employee), await matrix.PermissionsOfAsync(db, employee.Role, ct));
        }, ct);
    }

    /// <summary>Back-office sign-in by user name and password, with the same lockout as the till.</summary>
    public async Task<SignedIn> SignInWithPasswordAsync(string userName, string password, CancellationToken ct)
    {
        var name = userName.Trim().ToLowerInvariant();
        var employee = await db.Employees.FirstOrDefaultAsync(e => e.UserName == name, ct);
        await EnsureCanSignInAsync(employee, null, null, null, "password", e => PasswordHasher.Verify(password, e.PasswordHash), ct);
        audit.Record(AuditAction.SignedIn, AuditTexts.SignedInToBackOffice(employee!.Name), subject: employee.Id.ToString(),
            by: ActorFor(employee, null, null));
        await db.SaveChangesAsync(ct);
        return new SignedIn(EmployeeView.From(employee), await matrix.PermissionsOfAsync(db, employee.Role, ct));
    }

    /// <summary>
    /// Checks a PIN or password under the lockout. The guess is reserved in the employee's row before the secret is
    /// verified (<see cref="ReserveGuessAsync"/>), so however many guesses arrive at once, no more than the free
    /// attempts are ever verified and the others are refused as locked out. Refusals are saved before they are
    /// thrown; the sign-in paths run outside any transaction (the idempotency middleware leaves anonymous routes
    /// alone), so a reserved guess stays counted.
    /// </summary>
    private async Task EnsureCanSignInAsync(Employee? employee, Guid? claimedId, Guid? storeId, Guid? registerId, string secret,
        Func<Employee, bool> verify, CancellationToken ct)
    {
        var now = clock.Now();
        var subject = employee?.Id.ToString() ?? claimedId?.ToString();
        if (employee is null)
        {
            audit.Record(AuditAction.SignInFailed, AuditTexts.WrongSecretUnknown(secret),
                subject: subject, storeId: storeId, registerId: registerId, by: Actor.Anonymous);
            await db.SaveChangesAsync(ct);
            throw WrongSecret(secret);
        }
        var guess = await ReserveGuessAsync(employee.Id, now, ct);
        if (guess.RefusedUntil is { } lockedUntil)
        {
            audit.Record(AuditAction.SignInFailed, AuditTexts.SignInWhileLockedOut(secret, employee.Name, lockedUntil),
                subject: subject, storeId: storeId, registerId: registerId, by: Actor.Anonymous);
            await db.SaveChangesAsync(ct);
            throw LockedOut(lockedUntil, now);
        }
        if (employee.IsActive && verify(employee))
        {
            // The row moved on behind the tracked copy; the sign-in's own save clears the reserved failure.
            await db.Entry(employee).ReloadAsync(ct);
            employee.RecordSuccessfulSignIn();
            return;
        }
        audit.Record(AuditAction.SignInFailed, AuditTexts.WrongSecret(secret, employee.Name, guess.Failures),
            subject: subject, storeId: storeId, registerId: registerId, by: Actor.Anonymous);
        if (guess.LockedUntil is { } until && until > now)
            audit.Record(AuditAction.LockedOut, AuditTexts.LockedOut(employee.Name, until, guess.Failures),
                subject: subject, storeId: storeId, registerId: registerId, by: Actor.Anonymous);
        await db.SaveChangesAsync(ct);
        throw WrongSecret(secret);
    }

    /// <summary>A reserved guess (its number in the run of failures, and the lock it brings), or a refusal while locked.</summary>
    private readonly record struct Guess(int Failures, DateTimeOffset? LockedUntil, DateTimeOffset? RefusedUntil);

    /// <summary>
    /// Counts one guess as a failure in the employee's row before the secret is checked — the last free one locks.
    /// The UPDATE is a compare-and-set (only if the row is unlocked and still has the count just read), so the
    /// database gives concurrent guesses distinct numbers on SQLite and PostgreSQL alike, across connections and
    /// processes; the ones past the limit find the row locked. Losing the race to another guess only means reading
    /// the row again, never a refusal.
    /// </summary>
    private async Task<Guess> ReserveGuessAsync(Guid employeeId, DateTimeOffset now, CancellationToken ct)
    {
        while (true)
        {
            var row = await db.Employees.AsNoTracking().Where(e => e.Id == employeeId)
                .Select(e => new { e.FailedSignIns, e.LockedUntil }).SingleAsync(ct);
            if (row.LockedUntil is { } lockedUntil && lockedUntil > now)
                return new Guess(row.FailedSignIns, lockedUntil, lockedUntil);
            var (failures, until) = SignInLockout.AfterFailure(row.FailedSignIns, row.LockedUntil, now);
            var reserved = await db.Employees
                .Where(e => e.Id == employeeId && e.FailedSignIns == row.FailedSignIns && (e.LockedUntil == null || e.LockedUntil <= now))
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.FailedSignIns, failures).SetProperty(e => e.LockedUntil, until), ct);
            if (reserved == 1)
                return new Guess(failures, until, null);
        }
    }

    private static DomainException WrongSecret(string secret) =>
        DomainException.Forbidden(EmployeeErrors.SignInFailed, secret == "PIN" ? "That PIN is not right. Try again." : "The user name or password is not right.");

    private static DomainException LockedOut(DateTimeOffset lockedUntil, DateTimeOffset now)
    {
        var wait = (int)Math.Ceiling((lockedUntil - now).TotalSeconds);
        return DomainException.Forbidden(EmployeeErrors.LockedOut,
            $"Too many wrong attempts. Sign-in is locked for {wait} more seconds; a manager can reset the PIN meanwhile.");
    }

    public Task<EmployeeView> SignOutAsync(Guid registerId, Guid employeeId, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var register = await StoreService.FindRegisterAsync(db, registerId, ct);
        var employee = await db.Employees.FindAsync([employeeId], ct) ?? throw EmployeeNotFound(employeeId);
        await journal.AppendAsync(register.StoreId, clock.Now(), JournalEventKind.EmployeeSignedOut, register.Id, employee.Id, null,
            FiscalPayload.ForEmployee(employee.Id, employee.Name), ct);
        await db.SaveChangesAsync(ct);
        return EmployeeView.From(employee);
    }, ct);

    /// <summary>
    /// Who may do a gated action: the caller — the signed-in employee, the API key or the command line, with the
    /// permissions of its own role — if it may; otherwise a supervisor whose PIN is right and whose role allows it,
    /// for this one action. No one else's name counts: an employee named in a request is at most the one served.
    /// Returns the approver's id (null when no approval was needed); the approval is audited with who asked.
    /// </summary>
    public async Task<Guid?> AuthoriseAsync(Actor caller, Permission permission, Approval? approval, string what,
        Guid? storeId, Guid? registerId, CancellationToken ct)
    {
        if (caller.May(permission))
            return null;
        if (approval is null)
            throw DomainException.Forbidden(PermissionErrors.ApprovalRequired,
                $"This needs a supervisor's approval ({permission}: {what}). Ask a supervisor to enter their PIN.");
        var now = clock.Now();
        if (throttle.Reserve(approval.EmployeeId, now) is { } until)
            throw DomainException.Forbidden(PermissionErrors.ApprovalLocked,
                $"Too many wrong approval PINs. Approvals by this supervisor are locked for {Math.Max(1, (int)Math.Ceiling((until - now).TotalMinutes))} more minute(s).");
        var approver = await db.Employees.FindAsync([approval.EmployeeId], ct);
        if (approver is null || !approver.IsActive || !PinHasher.Verify(approval.Pin, approver.PinHash))
        {
            throw DomainException.Forbidden(PermissionErrors.ApprovalInvalid, "The approval PIN is not right.");
        }
        throttle.Succeed(approval.EmployeeId);
        if (storeId is { } store && !StoreAccess.Includes(approver.StoreIds, store))
            throw DomainException.Forbidden(StoreErrors.NotYours, $"{approver.Name} does not work in this store, so cannot approve here.");
        if (!(await matrix.PermissionsOfAsync(db, approver.Role, ct)).Contains(permission))
            throw DomainException.Forbidden(PermissionErrors.ApproverNotAllowed, $"{approver.Name} may not approve this ({permission}).");
        audit.Record(AuditAction.ApprovalGiven, AuditTexts.ApprovalGiven(approver.Name, permission, what, caller.Name),
            subject: permission.ToString(), storeId: storeId, registerId: registerId, approvedById: approver.Id, by: caller);
        return approver.Id;
    }

    public static Actor ActorFor(Employee employee, Guid? registerId, IReadOnlySet<Permission>? permissions) =>
        new($"{employee.Name} ({employee.Role})", employee.Id, null, registerId, permissions ?? new HashSet<Permission>(), employee.StoreIds);

    private async Task<Employee> FindAsync(Guid id, CancellationToken ct)
    {
        var employee = await db.Employees.FindAsync([id], ct) ?? throw DomainException.NotFound(EmployeeErrors.NotFound, $"No employee has id {id}.");
        EnsureWithinCaller(employee);
        return employee;
    }

    /// <summary>
    /// Nobody hands out, or takes over, more than they may themselves: a manager can't make an owner, nor change an
    /// owner's PIN or password and then sign in as them.
    /// </summary>
    private async Task EnsureNotAboveCallerAsync(string role, CancellationToken ct)
    {
        var beyond = (await matrix.PermissionsOfAsync(db, role, ct)).Where(p => !current.Value.May(p)).Order().ToList();
        if (beyond.Count > 0)
            throw DomainException.Forbidden(EmployeeErrors.RoleAboveYours,
                $"The role {role} may do more than yours ({string.Join(", ", beyond)}), so you can't give it or change someone who has it. Ask the owner.");
    }

    private async Task EnsureRoleExistsAsync(string role, CancellationToken ct)
    {
        if (!BuiltInRoles.IsBuiltIn(role) && !await db.Roles.AnyAsync(r => r.Name == role, ct))
            throw DomainException.Invalid(EmployeeErrors.Role,
                $"There is no role '{role}'. Built-in roles: {string.Join(", ", Enum.GetNames<Role>())}; the owner can add custom roles.");
    }
}
