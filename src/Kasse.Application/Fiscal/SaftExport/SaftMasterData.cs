using Kasse.Domain.Staff;
using Kasse.Domain.Stores;

namespace Kasse.Application.Fiscal.SaftExport;

public sealed record SaftEmployee(string Id, string FirstName, string SurName, DateTimeOffset EnteredAt, string? Role)
{
    /// <summary>Stands for Kasse itself: events no one signed in caused (start, stop, price changes, exports).</summary>
    public static SaftEmployee NoOne(DateTimeOffset enteredAt) =>
        new(Kasse.Domain.Fiscal.DanishSignature.NoEmployee, "Kasse", "System (no employee signed in)", enteredAt, null);

    public static SaftEmployee From(Employee employee, DateTimeOffset fallback, SaftFormat format)
    {
        var name = employee.Name.Trim();
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        var (first, sur) = space < 0 ? (name, SaftAddress.Unknown) : (name[..space], name[(space + 1)..].Trim());
        return new SaftEmployee(format.Id(employee.Id), first, sur, SaftDates.CreatedAt(employee.Id, fallback), employee.Role);
    }
}

public sealed record SaftArticle(string Id, DateTimeOffset EnteredAt, string? GroupId, string Description);

/// <summary>
/// A <c>cashregister</c> of the file: a till, or (with no <see cref="RegisterId"/>) the Kasse node itself,
/// which holds the events that belong to no single till.
/// </summary>
public sealed record SaftRegister(string Id, string Description, Guid? RegisterId);

/// <summary>Everything the file says before its first register: the company, its master data and the code lists used.</summary>
public sealed record SaftMasterData(
    Store Store,
    string CompanyIdent,
    SaftAddress Address,
    IReadOnlyList<SaftEmployee> Employees,
    IReadOnlyList<SaftArticle> Articles,
    IReadOnlyList<SaftBasic> Basics,
    IReadOnlyList<SaftRegister> Registers,
    string HeaderComment);

public static class SaftDates
{
    /// <summary>
    /// When a record was made, read from its version-7 id (the first 48 bits are Unix milliseconds). Kasse's
    /// master data keeps no separate creation date, and SAF-T asks for one (<c>dateOfEntry</c>).
    /// </summary>
    public static DateTimeOffset CreatedAt(Guid id, DateTimeOffset fallback)
    {
        if (id.Version != 7)
            return fallback;
        var bytes = id.ToByteArray(bigEndian: true);
        long milliseconds = 0;
        for (var i = 0; i < 6; i++)
            milliseconds = (milliseconds << 8) | bytes[i];
        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }
}
