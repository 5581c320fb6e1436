using Kasse.Application.Fiscal;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Staff;

public sealed record EmployeeView(Guid Id, string Name, Role Role, bool IsActive, string Language = Languages.Danish)
{
    public static EmployeeView From(Employee e) => new(e.Id, e.Name, e.Role, e.IsActive, e.Language);
}

/// <summary>A manager's change to an employee; a null PIN keeps the one they have.</summary>
public sealed record UpdateEmployee(string Name, Role Role, string Language, bool IsActive, string? NewPin = null);

/// <summary>A supervisor's PIN entered on the till to allow one gated action.</summary>
public sealed record Approval(Guid EmployeeId, string Pin);

public sealed class EmployeeService(KasseDbContext db, FiscalJournal journal, TimeProvider clock)
{
    public Task<EmployeeView> CreateAsync(Guid id, string name, Role role, string pin, CancellationToken ct) =>
        CreateAsync(id, name, role, pin, Languages.Danish, ct);

    public async Task<EmployeeView> CreateAsync(Guid id, string name, Role role, string pin, string language, CancellationToken ct)
    {
        var existing = await db.Employees.FindAsync([id], ct);
        if (existing is not null)
            return EmployeeView.From(existing);
        var employee = new Employee(id, name, role, PinHasher.Hash(pin), language);
        db.Employees.Add(employee);
        await db.SaveChangesAsync(ct);
        return EmployeeView.From(employee);
    }

    public async Task<EmployeeView> GetAsync(Guid id, CancellationToken ct) =>
        EmployeeView.From(await db.Employees.FindAsync([id], ct) ?? throw EmployeeNotFound(id));

    public async Task<EmployeeView> UpdateAsync(Guid id, UpdateEmployee command, CancellationToken ct)
    {
        var employee = await db.Employees.FindAsync([id], ct) ?? throw EmployeeNotFound(id);
        employee.Rename(command.Name);
        employee.ChangeRole(command.Role);
        employee.SetLanguage(command.Language);
        employee.SetActive(command.IsActive);
        if (!string.IsNullOrEmpty(command.NewPin))
            employee.ChangePin(PinHasher.Hash(command.NewPin));
        await db.SaveChangesAsync(ct);
        return EmployeeView.From(employee);
    }

    private static DomainException EmployeeNotFound(Guid id) => DomainException.NotFound("employee.not-found", $"No employee has id {id}.");

    public async Task<IReadOnlyList<EmployeeView>> ListAsync(CancellationToken ct) =>
        (await db.Employees.OrderBy(e => e.Name).ToListAsync(ct)).Select(EmployeeView.From).ToList();

    /// <summary>
    /// A cashier signs in at a till with their PIN (journaled, SAF-T 13003). A wrong PIN is refused without
    /// saying whether the employee exists. Lockout and rate limits arrive with the staff issue.
    /// </summary>
    public Task<EmployeeView> SignInAsync(Guid registerId, Guid employeeId, string pin, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var register = await StoreService.FindRegisterAsync(db, registerId, ct);
        var employee = await db.Employees.FindAsync([employeeId], ct);
        if (employee is null || !employee.IsActive || !PinHasher.Verify(pin, employee.PinHash))
            throw DomainException.Forbidden("employee.sign-in-failed", "That PIN is not right. Try again.");
        await journal.AppendAsync(register.StoreId, clock.Now(), JournalEventKind.EmployeeSignedIn, register.Id, employee.Id, null,
            FiscalPayload.ForEmployee(employee.Id, employee.Name), ct);
        await db.SaveChangesAsync(ct);
        return EmployeeView.From(employee);
    }, ct);

    public Task<EmployeeView> SignOutAsync(Guid registerId, Guid employeeId, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var register = await StoreService.FindRegisterAsync(db, registerId, ct);
        var employee = await db.Employees.FindAsync([employeeId], ct)
            ?? throw DomainException.NotFound("employee.not-found", $"No employee has id {employeeId}.");
        await journal.AppendAsync(register.StoreId, clock.Now(), JournalEventKind.EmployeeSignedOut, register.Id, employee.Id, null,
            FiscalPayload.ForEmployee(employee.Id, employee.Name), ct);
        await db.SaveChangesAsync(ct);
        return EmployeeView.From(employee);
    }, ct);

    /// <summary>
    /// Who may do a gated action: the acting employee if their role allows it, otherwise an approver whose
    /// PIN is right and whose role allows it. Returns the approver's id (null when no approval was needed).
    /// </summary>
    public async Task<Guid?> AuthoriseAsync(Guid? actingEmployeeId, Permission permission, Approval? approval, CancellationToken ct)
    {
        if (actingEmployeeId is not null)
        {
            var acting = await db.Employees.FindAsync([actingEmployeeId.Value], ct)
                ?? throw DomainException.NotFound("employee.not-found", $"No employee has id {actingEmployeeId}.");
            if (acting.IsActive && acting.Role.Allows(permission))
                return null;
        }
        if (approval is null)
            throw DomainException.Forbidden("permission.approval-required",
                $"This needs a supervisor's approval ({permission}). Ask a supervisor to enter their PIN.");
        var approver = await db.Employees.FindAsync([approval.EmployeeId], ct);
        if (approver is null || !approver.IsActive || !PinHasher.Verify(approval.Pin, approver.PinHash))
            throw DomainException.Forbidden("permission.approval-invalid", "The approval PIN is not right.");
        if (!approver.Role.Allows(permission))
            throw DomainException.Forbidden("permission.approver-not-allowed", $"{approver.Name} may not approve this ({permission}).");
        return approver.Id;
    }
}
