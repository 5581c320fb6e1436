namespace Kasse.Domain.Staff;

public enum Role
{
    Cashier,
    Supervisor,
    Manager,
    Owner,
}

/// <summary>Actions a role may or may not take. The owner-editable matrix arrives with the staff issue.</summary>
public enum Permission
{
    Sell,
    Refund,
    RefundWithoutReceipt,
    VoidSale,
}

public static class RolePermissions
{
    public static bool Allows(this Role role, Permission permission) => permission switch
    {
        Permission.Sell or Permission.Refund or Permission.VoidSale => true,
        Permission.RefundWithoutReceipt => role is Role.Supervisor or Role.Manager or Role.Owner,
    };
}
