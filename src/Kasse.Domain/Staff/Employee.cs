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

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public Role Role { get; private set; }
    public string PinHash { get; private set; }
    public bool IsActive { get; private set; }

    public static void EnsureValidPin(string pin)
    {
        if (pin.Length is < 4 or > 6 || !pin.All(char.IsAsciiDigit))
            throw DomainException.Invalid("employee.pin", "A PIN is 4 to 6 digits.");
    }
}
