using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;

namespace Kasse.Application.Staff;

/// <summary>
/// Signing in and out at a till by PIN, from the till's PIN pad and the API alike. A refused PIN runs the fraud
/// rules at once (many wrong PINs at one till is a rule of its own), whichever road it came by.
/// </summary>
public sealed class TillSignIn(KasseDbContext db, EmployeeService employees, FraudDetector fraud, CurrentActor actor)
{
    public async Task<SignedIn> SignInAsync(Guid registerId, Guid employeeId, string pin, CancellationToken ct)
    {
        try
        {
            return await employees.SignInAsync(registerId, employeeId, pin, ct);
        }
        catch (DomainException e) when (e.Kind == ErrorKind.Forbidden)
        {
            await fraud.AfterEventAsync((await StoreService.FindRegisterAsync(db, registerId, ct)).StoreId, ct);
            throw;
        }
    }

    /// <summary>Signs out who the caller is; a till session signs out only itself.</summary>
    public Task<EmployeeView> SignOutAsync(Guid registerId, Guid employeeId, CancellationToken ct) =>
        employees.SignOutAsync(registerId, actor.Value.Serving(employeeId), ct);
}
