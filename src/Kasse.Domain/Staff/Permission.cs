namespace Kasse.Domain.Staff;

/// <summary>Everything a role may or may not do. Names are stored in the role matrix, so never rename one.</summary>
public enum Permission
{
    /// <summary>See stores, registers, products and the staff list (everyone who works with the till).</summary>
    Browse,
    Sell,
    VoidSale,
    Refund,
    RefundWithoutReceipt,
    /// <summary>Give a discount above the owner's limit (see <see cref="StaffSettingKeys.DiscountApprovalPercent"/>).</summary>
    DiscountAboveLimit,
    PriceOverride,
    /// <summary>Take back a payment already made on a sale (the money is handed back) before completion.</summary>
    VoidAfterPayment,
    NoSaleDrawerOpen,
    TrainingMode,
    CashControl,
    XReport,
    ZReport,
    SeeReports,
    ViewJournal,
    ExportSaft,
    ViewAudit,
    EditProducts,
    ManageUsers,
    ManageRoles,
    ManageSettings,
    ManageApiKeys,
    ClockInOut,
    ViewTimesheets,
    ManageTimesheets,
    ViewFraudAlerts,
    ManageFraudRules,
    /// <summary>Export the day's bookkeeping (CSV, journal import) and push it to the accounting system.</summary>
    ExportAccounting,
    /// <summary>Locations, stock settings, adjustments, suppliers, purchase orders, transfers, recipes; approving counts.</summary>
    ManageInventory,
    /// <summary>Count stock (scan shelves) without seeing or approving the expected figures.</summary>
    CountStock,
    /// <summary>Read the operational metrics (GET /metrics, Prometheus format): a monitoring system's key needs only this.</summary>
    ViewMetrics,
}

/// <summary>What each built-in role may do until the owner changes it.</summary>
public static class BuiltInRoles
{
    private static readonly Permission[] CashierPermissions =
        [Permission.Browse, Permission.Sell, Permission.VoidSale, Permission.Refund, Permission.CashControl, Permission.ClockInOut];

    private static readonly Permission[] SupervisorPermissions =
    [
        .. CashierPermissions, Permission.RefundWithoutReceipt, Permission.DiscountAboveLimit, Permission.PriceOverride,
        Permission.VoidAfterPayment, Permission.NoSaleDrawerOpen, Permission.TrainingMode, Permission.XReport, Permission.CountStock,
    ];

    private static readonly Permission[] ManagerPermissions =
    [
        .. SupervisorPermissions, Permission.ZReport, Permission.SeeReports, Permission.ViewJournal, Permission.ExportSaft,
        Permission.ViewAudit, Permission.EditProducts, Permission.ManageUsers, Permission.ManageSettings, Permission.ViewTimesheets,
        Permission.ManageTimesheets, Permission.ViewFraudAlerts, Permission.ExportAccounting, Permission.ManageInventory, Permission.ViewMetrics,
    ];

    private static readonly Permission[] AccountantPermissions =
    [
        Permission.Browse, Permission.SeeReports, Permission.ViewJournal, Permission.ExportSaft, Permission.ViewAudit,
        Permission.ViewTimesheets, Permission.ExportAccounting,
    ];

    public static IReadOnlySet<Permission> Defaults(Role role) => (role switch
    {
        Role.Cashier => CashierPermissions,
        Role.Supervisor => SupervisorPermissions,
        Role.Manager => ManagerPermissions,
        Role.Owner => Enum.GetValues<Permission>(),
        Role.Accountant => AccountantPermissions,
    }).ToHashSet();

    public static bool IsBuiltIn(string name) => Enum.GetNames<Role>().Contains(name, StringComparer.Ordinal);

    /// <summary>The owner role keeps every permission, so nobody can lock the shop out of its own settings.</summary>
    public const string OwnerRole = nameof(Role.Owner);
}

public static class StaffSettingKeys
{
    /// <summary>A discount above this percentage of the line or sale needs <see cref="Permission.DiscountAboveLimit"/>.</summary>
    public const string DiscountApprovalPercent = "discount.approval-percent";
    public const decimal DefaultDiscountApprovalPercent = 20m;
}
