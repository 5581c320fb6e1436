namespace Kasse.Domain.Staff;

/// <summary>The roles every shop starts with. Owners may add custom roles by name and change what each may do.</summary>
public enum Role
{
    Cashier,
    Supervisor,
    Manager,
    Owner,
    /// <summary>The bookkeeper: reads reports, the journal, the audit trail and timesheets, changes nothing.</summary>
    Accountant,
}
