namespace Kasse.Domain.Staff;

/// <summary>A person who works the till. The PIN and the password are kept only as salted hashes.</summary>
public sealed class Employee
{
    public const int MaxNameLength = 80;
    public const int MaxUserNameLength = 60;

    private Employee() { Name = ""; PinHash = ""; Role = ""; }

    public Employee(Guid id, string name, string role, string pinHash)
    {
        Id = id;
        Name = Text.Required(name, MaxNameLength, "employee.name", "An employee name");
        Role = RoleDefinition.ValidName(role);
        PinHash = pinHash;
        IsActive = true;
    }

    public Employee(Guid id, string name, string role, string pinHash, string language) : this(id, name, role, pinHash) =>
        SetLanguage(language);

    public Guid Id { get; private set; }
    public string Name { get; private set; }

    /// <summary>The name of a built-in or custom role in the permission matrix.</summary>
    public string Role { get; private set; }
    public string PinHash { get; private set; }
    public bool IsActive { get; private set; }

    /// <summary>The language the UI speaks once this person signs in (see <see cref="Languages"/>).</summary>
    public string Language { get; private set; } = Languages.Danish;

    public void Rename(string name) => Name = Text.Required(name, MaxNameLength, "employee.name", "An employee name");


    public void SetLanguage(string code) => Language = Languages.Valid(code, "employee.language");

    /// <summary>A person who leaves can no longer sign in; their name stays on the receipts they rang up.</summary>
    public void SetActive(bool active) => IsActive = active;

    /// <summary>The back-office login; null for till-only staff.</summary>
    public string? UserName { get; private set; }
    public string? PasswordHash { get; private set; }
    public int FailedSignIns { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;

    public void RecordSuccessfulSignIn()
    {
        FailedSignIns = 0;
        LockedUntil = null;
    }

    public void ChangeRole(string role)
    {
        var valid = RoleDefinition.ValidName(role);
        if (Stores == StoreAccess.AllStores && !StoreAccess.MayBeChainWide(valid))
            throw DomainException.Invalid(EmployeeErrors.Stores, $"{Name} works in every store, which only an Owner or Accountant may; name their stores together with the role {valid}.");
        Role = valid;
    }

    /// <summary>The stores this person may work in (see <see cref="StoreAccess"/>); <c>*</c> for the whole chain.</summary>
    public string Stores { get; private set; } = "";

    /// <summary>Null when chain-wide.</summary>
    public IReadOnlySet<Guid>? StoreIds => StoreAccess.Parse(Stores);

    /// <summary>Sets where this person works; null makes them chain-wide, which only an Owner or Accountant may be.</summary>
    public void WorkIn(IReadOnlyCollection<Guid>? stores) => Stores = StoreAccess.For(Role, stores, "employee.stores");

    public void ChangePin(string pinHash) => PinHash = pinHash;

    public void SetBackOfficeLogin(string userName, string passwordHash)
    {
        UserName = Text.Required(userName, MaxUserNameLength, "employee.user-name", "A user name").ToLowerInvariant();
        PasswordHash = passwordHash;
    }

    public void Deactivate() => IsActive = false;

    public static void EnsureValidPin(string pin)
    {
        if (pin.Length is < 4 or > 6 || !pin.All(char.IsAsciiDigit))
            throw DomainException.Invalid(EmployeeErrors.Pin, "A PIN is 4 to 6 digits.");
    }

    public static void EnsureValidPassword(string password)
    {
        if (password.Length < 12)
            throw DomainException.Invalid(EmployeeErrors.Password, "A back-office password has at least 12 characters.");
        if (password.Length > 200)
            throw DomainException.Invalid(EmployeeErrors.Password, "A back-office password has at most 200 characters.");
    }
}
