namespace Kasse.Domain.Staff;

/// <summary>A person who works the till. The PIN is kept only as a salted hash.</summary>
public sealed class Employee
{
    public const int MaxNameLength = 80;

    private Employee() { Name = ""; PinHash = ""; }

    public Employee(Guid id, string name, Role role, string pinHash)
    {
        Id = id;
        Name = Text.Required(name, MaxNameLength, "employee.name", "An employee name");
        Role = role;
        PinHash = pinHash;
        IsActive = true;
    }

    public Employee(Guid id, string name, Role role, string pinHash, string language) : this(id, name, role, pinHash) =>
        SetLanguage(language);

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public Role Role { get; private set; }
    public string PinHash { get; private set; }
    public bool IsActive { get; private set; }

    /// <summary>The language the UI speaks once this person signs in (see <see cref="Languages"/>).</summary>
    public string Language { get; private set; } = Languages.Danish;

    public void Rename(string name) => Name = Text.Required(name, MaxNameLength, "employee.name", "An employee name");

    /// <summary>A basic role for now; the access-control work brings an owner-editable permission matrix.</summary>
    public void ChangeRole(Role role) => Role = Enum.IsDefined(role) ? role : throw DomainException.Invalid("employee.role", $"Unknown role {role}.");

    public void ChangePin(string pinHash) => PinHash = pinHash;

    public void SetLanguage(string code) => Language = Languages.Valid(code, "employee.language");

    /// <summary>A person who leaves can no longer sign in; their name stays on the receipts they rang up.</summary>
    public void SetActive(bool active) => IsActive = active;

    public static void EnsureValidPin(string pin)
    {
        if (pin.Length is < 4 or > 6 || !pin.All(char.IsAsciiDigit))
            throw DomainException.Invalid("employee.pin", "A PIN is 4 to 6 digits.");
    }
}
