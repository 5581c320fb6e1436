using System.Globalization;

namespace Kasse.Domain.Customers;

/// <summary>
/// A customer the shop knows: found at the till by phone, e-mail, name, customer number or by scanning their card.
/// Erasing (GDPR art. 17) blanks every personal field but keeps the row, so the points ledger and fiscal records
/// still add up without saying who the person was.
/// </summary>
public sealed class Customer
{
    public const int MaxNameLength = 100;
    public const int MaxPhoneLength = 20;
    public const int MaxEmailLength = 254;
    public const int MaxNumberLength = 32;
    public const int MaxNotesLength = 2000;
    public const string ErasedName = "Slettet kunde";

    private Customer() { Name = ""; Number = ""; }

    public Customer(Guid id, Guid storeId, string number, string name, string? phone, string? email, string? cardCode, string? notes,
        string? preferences, Guid? groupId, DateTimeOffset now)
    {
        if (id == Guid.Empty)
            throw DomainException.Invalid(CustomerErrors.Id, "A customer id must not be empty.");
        Id = id;
        StoreId = storeId;
        Name = "";
        Number = Text.Required(number, MaxNumberLength, "customer.number", "The customer number");
        CreatedAt = now;
        Update(name, phone, email, cardCode, notes, preferences, groupId);
    }

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public string Number { get; private set; }
    public string Name { get; private set; }
    /// <summary>The name in lower case, so a search ignores case alike on every database.</summary>
    public string SearchName { get; private set; } = "";
    /// <summary>Digits only (a leading + kept), so "+45 20 12 34 56" and "20123456" search alike.</summary>
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    /// <summary>The code printed on their loyalty card or shown as a QR code in an app.</summary>
    public string? CardCode { get; private set; }
    public string? Notes { get; private set; }
    public string? Preferences { get; private set; }
    public Guid? GroupId { get; private set; }
    public long PointsBalance { get; private set; }
    /// <summary>Points ever earned (less those taken back by returns): what the tier is measured on.</summary>
    public long LifetimePoints { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ErasedAt { get; private set; }

    public bool IsErased => ErasedAt is not null;

    public void Update(string name, string? phone, string? email, string? cardCode, string? notes, string? preferences, Guid? groupId)
    {
        EnsureNotErased();
        Name = Text.Required(name, MaxNameLength, "customer.name", "The customer's name");
        SearchName = Name.ToLowerInvariant();
        Phone = NormalisePhone(phone);
        Email = NormaliseEmail(email);
        CardCode = Text.Optional(cardCode, MaxNumberLength, "customer.card", "The card code");
        Notes = Text.Optional(notes, MaxNotesLength, "customer.notes", "The notes");
        Preferences = Text.Optional(preferences, MaxNotesLength, "customer.preferences", "The preferences");
        GroupId = groupId;
    }

    /// <summary>Blanks every personal field; the number becomes the row id so nothing links back to the person.</summary>
    public void Erase(DateTimeOffset now)
    {
        EnsureNotErased();
        Name = ErasedName;
        SearchName = "";
        Number = Id.ToString("N", CultureInfo.InvariantCulture)[..MaxNumberLength];
        Phone = null;
        Email = null;
        CardCode = null;
        Notes = null;
        Preferences = null;
        GroupId = null;
        ErasedAt = now;
    }

    public void EnsureNotErased()
    {
        if (IsErased)
            throw DomainException.Conflict(CustomerErrors.Erased, "This customer was erased at their request; create a new profile if they come back.");
    }

    public static string? NormalisePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
            return null;
        var trimmed = phone.Trim();
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length is < 6 or > 15 || trimmed.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '+' or '(' or ')')))
            throw DomainException.Invalid(CustomerErrors.Phone, $"'{trimmed}' is not a phone number: give 6–15 digits, e.g. 20 12 34 56 or +45 20 12 34 56.");
        return trimmed.StartsWith('+') ? "+" + digits : digits;
    }

    public static string? NormaliseEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
            return null;
        var trimmed = email.Trim().ToLowerInvariant();
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        if (trimmed.Length > MaxEmailLength || at < 1 || at != trimmed.LastIndexOf('@') || at == trimmed.Length - 1 || trimmed.Any(char.IsWhiteSpace))
            throw DomainException.Invalid(CustomerErrors.Email, $"'{email.Trim()}' is not an e-mail address.");
        return trimmed;
    }
}

/// <summary>A group of customers (staff, members, trade) that promotions can give their own prices.</summary>
public sealed class CustomerGroup
{
    public const int MaxNameLength = 60;

    private CustomerGroup() { Name = ""; }

    public CustomerGroup(Guid id, Guid storeId, string name)
    {
        if (id == Guid.Empty)
            throw DomainException.Invalid(CustomerGroupErrors.Id, "A group id must not be empty.");
        Id = id;
        StoreId = storeId;
        Name = Text.Required(name, MaxNameLength, "customer-group.name", "The group's name");
    }

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public string Name { get; private set; }

    public void Rename(string name) => Name = Text.Required(name, MaxNameLength, "customer-group.name", "The group's name");
}
