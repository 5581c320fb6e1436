using System.Globalization;
using System.Text.Json;
using Kasse.Domain.Staff;
using Kasse.Server.Ui.Localization;

namespace Kasse.Server.Ui.BackOffice;

/// <summary>Permissions in words a shop owner reads (the enum name stays the key the API uses).</summary>
public static class PermissionText
{
    public static string Name(UiText words, Permission permission) => words[English(permission)];

    public static string English(Permission permission) => permission switch
    {
        Permission.Browse => "See products, stores and staff",
        Permission.Sell => "Sell",
        Permission.VoidSale => "Void a sale before payment",
        Permission.Refund => "Return with a receipt",
        Permission.RefundWithoutReceipt => "Return without a receipt",
        Permission.DiscountAboveLimit => "Discount above the limit",
        Permission.PriceOverride => "Override a price",
        Permission.VoidAfterPayment => "Take back a payment",
        Permission.NoSaleDrawerOpen => "Open the drawer without a sale",
        Permission.TrainingMode => "Training mode",
        Permission.CashControl => "Drawer sessions and counts",
        Permission.XReport => "X report",
        Permission.ZReport => "Z report",
        Permission.SeeReports => "See reports",
        Permission.ViewJournal => "Read the fiscal journal",
        Permission.ExportSaft => "Export SAF-T",
        Permission.ViewAudit => "Read the audit trail",
        Permission.EditProducts => "Edit products",
        Permission.ManageUsers => "Manage users",
        Permission.ManageRoles => "Change roles and permissions",
        Permission.ManageSettings => "Change settings",
        Permission.ManageApiKeys => "API keys and webhooks",
        Permission.ClockInOut => "Clock in and out",
        Permission.ViewTimesheets => "See timesheets",
        Permission.ManageTimesheets => "Correct timesheets",
        Permission.ViewFraudAlerts => "See fraud alerts",
        Permission.ManageFraudRules => "Tune fraud rules",
        Permission.ExportAccounting => "Export the bookkeeping",
        Permission.ManageInventory => "Manage stock, suppliers and orders",
        Permission.CountStock => "Count stock",
        Permission.ViewMetrics => "Read the operational metrics",
    };
}

/// <summary>Audit actions in words, and an entry's before/after as lines a person reads.</summary>
public static class AuditText
{
    public sealed record ChangeLine(string Field, string Before, string After);

    public static string Name(UiText words, AuditAction action) => words[action switch
    {
        AuditAction.SignedIn => "Signed in",
        AuditAction.SignInFailed => "Sign-in failed",
        AuditAction.SignedOut => "Signed out",
        AuditAction.LockedOut => "Locked out",
        AuditAction.RolePermissionsChanged => "Role changed",
        AuditAction.EmployeeCreated => "Employee added",
        AuditAction.EmployeeChanged => "Employee changed",
        AuditAction.ApiKeyCreated => "API key made",
        AuditAction.ApiKeyRevoked => "API key revoked",
        AuditAction.ApprovalGiven => "Approval given",
        AuditAction.ApprovalRefused => "Approval refused",
        AuditAction.PriceChanged => "Price changed",
        AuditAction.PriceOverridden => "Price overridden",
        AuditAction.DiscountGiven => "Discount given",
        AuditAction.Refunded => "Refund",
        AuditAction.SaleVoided => "Sale voided",
        AuditAction.PaymentVoided => "Payment taken back",
        AuditAction.DrawerOpened => "Drawer opened",
        AuditAction.Exported => "Export",
        AuditAction.SettingChanged => "Setting changed",
        AuditAction.TimeClockCorrected => "Time clock corrected",
        AuditAction.FraudAlertAcknowledged => "Fraud alert acknowledged",
        AuditAction.CustomerExported => "Customer data exported",
        AuditAction.CustomerErased => "Customer erased",
        AuditAction.SaleMovedToTable => "Sale moved to a table",
        AuditAction.SaleHandedOver => "Table handed over",
        AuditAction.SentToKitchen => "Sent to the kitchen",
        AuditAction.CourseFired => "Course fired",
        AuditAction.LinesMoved => "Lines moved",
        AuditAction.OrderTypeChanged => "Order type changed",
    }];

    /// <summary>
    /// Before and after side by side: an object field by field (only the fields that differ, when both sides are
    /// objects), a list as what was added and removed, a plain value as it is.
    /// </summary>
    public static IReadOnlyList<ChangeLine> Change(string? before, string? after)
    {
        if (before is null && after is null)
            return [];
        var b = Parse(before);
        var a = Parse(after);
        if (b is { ValueKind: JsonValueKind.Array } || a is { ValueKind: JsonValueKind.Array })
        {
            var old = Items(b);
            var now = Items(a);
            var removed = old.Except(now).ToList();
            var added = now.Except(old).ToList();
            return [new ChangeLine("", removed.Count == 0 ? "" : "− " + string.Join(", ", removed), added.Count == 0 ? "" : "+ " + string.Join(", ", added))];
        }
        if (b is { ValueKind: JsonValueKind.Object } || a is { ValueKind: JsonValueKind.Object })
        {
            var oldFields = Fields(b);
            var newFields = Fields(a);
            return oldFields.Keys.Union(newFields.Keys)
                .Select(k => new ChangeLine(k, oldFields.GetValueOrDefault(k, ""), newFields.GetValueOrDefault(k, "")))
                .Where(l => l.Before != l.After || oldFields.Count == 0 || newFields.Count == 0).ToList();
        }
        return [new ChangeLine("", Plain(b, before), Plain(a, after))];
    }

    private static JsonElement? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<string> Items(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().Select(Value).ToList() : [];

    private static Dictionary<string, string> Fields(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } obj ? obj.EnumerateObject().ToDictionary(p => p.Name, p => Value(p.Value)) : [];

    private static string Plain(JsonElement? element, string? raw) => element is { } e ? Value(e) : raw ?? "";

    private static string Value(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.TryGetDateTimeOffset(out var at) && e.GetString()!.Contains('T', StringComparison.Ordinal)
            ? at.ToString("g", CultureInfo.CurrentCulture) : e.GetString() ?? "",
        JsonValueKind.Number => e.GetDecimal().ToString(CultureInfo.CurrentCulture),
        JsonValueKind.True => "✓",
        JsonValueKind.False => "✗",
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        JsonValueKind.Array => string.Join(", ", e.EnumerateArray().Select(Value)),
        JsonValueKind.Object => string.Join(", ", e.EnumerateObject().Select(p => p.Name + ": " + Value(p.Value))),
        _ => e.ToString(),
    };
}

/// <summary>Fraud rules by a name a manager reads.</summary>
public static class FraudText
{
    public static string Name(UiText words, FraudRule rule) => words[rule switch
    {
        FraudRule.ManyVoidsOrRefunds => "Many voids or refunds compared with colleagues",
        FraudRule.RefundsWithoutReceipt => "Returns without a receipt",
        FraudRule.RefundToDifferentCard => "Refund to a different card",
        FraudRule.NoSaleDrawerOpens => "Drawer opened without a sale",
        FraudRule.DiscountsAboveThreshold => "Discounts above the limit",
        FraudRule.SalesJustUnderApprovalLimit => "Discounts just under the approval limit",
        FraudRule.PriceOverrides => "Price overrides",
        FraudRule.TrainingOutsideTraining => "Training-mode receipts",
        FraudRule.CashOverShort => "Cash over or short at the count",
        FraudRule.ManyPinAttempts => "Wrong PINs for many employees",
    }];
}
