namespace Kasse.Domain.Stores;

/// <summary>A till. Its receipt numbers are gapless and its own (DESIGN.md "Identity").</summary>
public sealed class Register
{
    public const int MaxNameLength = 60;

    private Register() { Name = ""; }

    public Register(Guid id, Guid storeId, string name)
    {
        Id = id;
        StoreId = storeId;
        Name = Text.Required(name, MaxNameLength, "register.name", "A register name");
    }

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public string Name { get; private set; }

    /// <summary>The last receipt number given out; the next completed sale takes this + 1.</summary>
    public long LastReceiptNumber { get; private set; }

    /// <summary>The signature of this register's last signed transaction: the next one's prevSignature.</summary>
    public string? LastSignature { get; private set; }

    /// <summary>The Norwegian signature of this register's last transaction (stores in Norway): the next one's prevSignature.</summary>
    public string? LastNorwegianSignature { get; private set; }

    /// <summary>While on, sales rung up here are training receipts: marked, and kept out of every total.</summary>
    public bool TrainingMode { get; private set; }

    /// <summary>A staffed till, or a self-service kiosk (docs/self-service.md): guests order and pay by card or MobilePay, no cash.</summary>
    public RegisterKind Kind { get; private set; } = RegisterKind.Till;

    /// <returns>Whether the kind changed.</returns>
    public bool SetKind(RegisterKind kind)
    {
        if (!Enum.IsDefined(kind))
            throw DomainException.Invalid(StoreErrors.RegisterKind, $"A register is a Till or a Kiosk; got {kind}.");
        if (Kind == kind)
            return false;
        Kind = kind;
        return true;
    }

    /// <returns>Whether the mode changed.</returns>
    public bool SetTrainingMode(bool on)
    {
        if (TrainingMode == on)
            return false;
        TrainingMode = on;
        return true;
    }

    public void Rename(string name) => Name = Text.Required(name, MaxNameLength, "register.name", "A register name");
}

/// <summary>Who stands at a register: a cashier (a till) or the guest (a self-service kiosk).</summary>
public enum RegisterKind
{
    Till,
    Kiosk,
}
