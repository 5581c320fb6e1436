using System.Globalization;
using System.Resources;
using System.Text.Json;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;

namespace Kasse.Application.Staff;

/// <summary>
/// The audit trail's descriptions in English and Danish (AuditTexts.resx / AuditTexts.da.resx), one method per kind of
/// entry. An entry stores the key and its arguments, and the English text (<see cref="AuditEntry.Detail"/>, with UTC
/// times) for the API and for the entries written before the keys; a page renders the key in its reader's language
/// and store time (<see cref="Describe"/>).
/// </summary>
public static class AuditTexts
{
    /// <summary>The resource keys of the templates (AuditTexts.resx, AuditTexts.da.resx); AuditTextsTests holds each to both texts.</summary>
    public static class Key
    {
        public const string ApiKeyCreated = "apikey.created";
        public const string ApiKeyCreatedForStores = "apikey.created-stores";
        public const string ApiKeyCreatedLimited = "apikey.created-limited";
        public const string ApiKeyCreatedLimitedForStores = "apikey.created-limited-stores";
        public const string ApiKeyRevoked = "apikey.revoked";
        public const string StaffSettingChanged = "setting.changed";
        public const string RegisterKindChanged = "register.kind-changed";
        public const string KioskPairingMade = "kiosk.pairing-made";
        public const string KioskPaired = "kiosk.paired";
        public const string KioskRevoked = "kiosk.revoked";
        public const string PunchAdded = "timeclock.added";
        public const string PunchDeleted = "timeclock.deleted";
        public const string PunchMoved = "timeclock.moved";
        public const string RoleUnchanged = "role.unchanged";
        public const string RoleGranted = "role.granted";
        public const string RoleRevoked = "role.revoked";
        public const string RoleGrantedAndRevoked = "role.granted-revoked";
        public const string RoleRenamed = "role.renamed";
        public const string RoleDeleted = "role.deleted";
        public const string DiscountOnSale = "discount.sale";
        public const string DiscountOnLine = "discount.line";
        public const string PriceOverridden = "price.overridden";
        public const string PaymentTakenBack = "payment.voided";
        public const string DrawerOpened = "drawer.opened";
        public const string DrawerOpenedWithoutReason = "drawer.opened-no-reason";
        public const string SaleVoided = "sale.voided";
        public const string EmployeeAdded = "employee.added";
        public const string EmployeeAddedForStores = "employee.added-stores";
        public const string EmployeeEdited = "employee.edited";
        public const string EmployeeEditedWithPin = "employee.edited-pin";
        public const string EmployeeChanged = "employee.changed";
        public const string EmployeeRolePart = "employee.part-role";
        public const string EmployeePinPart = "employee.part-pin";
        public const string EmployeePasswordPart = "employee.part-password";
        public const string EmployeeDeactivatedPart = "employee.part-deactivated";
        public const string EmployeeEveryStorePart = "employee.part-every-store";
        public const string EmployeeStoresPart = "employee.part-stores";
        public const string SignInWrongStore = "signin.wrong-store";
        public const string SignedInAtTill = "signin.till";
        public const string SignedInToBackOffice = "signin.backoffice";
        public const string WrongSecretUnknown = "signin.wrong-unknown";
        public const string SignInWhileLockedOut = "signin.locked-out";
        public const string WrongSecret = "signin.wrong";
        public const string LockedOut = "signin.lockout";
        public const string ApprovalGiven = "approval.given";
        public const string FraudAlertAcknowledged = "fraud.acknowledged";
        public const string SaleMoved = "sale.moved";
        public const string SaleMovedOnTab = "sale.moved-tab";
        public const string SaleHandedOver = "sale.handed-over";
        public const string LinesMoved = "lines.moved";
        public const string LinesMerged = "lines.merged";
        public const string BillSplitBySeat = "bill.split-seats";
        public const string BillSplitInParts = "bill.split-parts";
        public const string RefundedAgainstReceipt = "refund.receipt";
        public const string RefundedWithoutReceipt = "refund.no-receipt";
        public const string ModifierGroupAdded = "menu.group-added";
        public const string ModifierGroupChanged = "menu.group-changed";
        public const string ModifierGroupRemoved = "menu.group-removed";
        public const string ProductMenuChanged = "menu.product";
        public const string ChartOfAccountsChanged = "accounting.chart";
        public const string AccountingExported = "accounting.export";
        public const string AccountingConnectorSet = "accounting.connector";
        public const string AccountingConnectorSetWithToken = "accounting.connector-token";
        public const string AccountingDayPushed = "accounting.push";
        public const string LoyaltyRulesChanged = "loyalty.rules";
        public const string CustomerExported = "customer.exported";
        public const string CustomerErased = "customer.erased";
        public const string FloorAreaAdded = "floor.area-added";
        public const string FloorAreaChanged = "floor.area-changed";
        public const string FloorAreaRemoved = "floor.area-removed";
        public const string TableAdded = "floor.table-added";
        public const string TableChanged = "floor.table-changed";
        public const string TableRemoved = "floor.table-removed";
        public const string CourseFiredForTable = "kitchen.fired-table";
        public const string CourseFiredForTab = "kitchen.fired-tab";
        public const string CourseFiredWithoutTable = "kitchen.fired";
        public const string SentToKitchenForTable = "kitchen.sent-table";
        public const string SentToKitchenForTab = "kitchen.sent-tab";
        public const string SentToKitchenWithoutTable = "kitchen.sent";
        public const string KitchenStationAdded = "kitchen.station-added";
        public const string KitchenStationChanged = "kitchen.station-changed";
        public const string KitchenStationRemoved = "kitchen.station-removed";
        public const string KitchenRouteOfProduct = "kitchen.route-product";
        public const string KitchenRouteOfCategory = "kitchen.route-category";
        public const string WebhookRegistered = "webhook.registered";
        public const string WebhookDeleted = "webhook.deleted";
        public const string SignedOut = "signout";
        public const string SignedOutIdle = "signout.idle";
        public const string OrderTypeChanged = "sale.order-type";
        public const string GuestOrderingChanged = "guest.settings";
        public const string TableQrRenewed = "guest.qr-renewed";
        public const string TableQrClosed = "guest.table-closed";
        public const string TableQrOpened = "guest.table-opened";
    }

    private static readonly ResourceManager Texts = new(typeof(AuditTexts));

    private static AuditMessage M(string key, params object?[] arguments) => new(key, arguments);

    private static AuditWord Word(Enum value) => new(value.ToString());

    public static AuditMessage ApiKeyCreated(string name, string prefix, string role, string? scope, int? storeCount) => (scope, storeCount) switch
    {
        (null, null) => M(Key.ApiKeyCreated, name, prefix, role),
        (null, { } n) => M(Key.ApiKeyCreatedForStores, name, prefix, role, n),
        ({ } s, null) => M(Key.ApiKeyCreatedLimited, name, prefix, role, s),
        ({ } s, { } n) => M(Key.ApiKeyCreatedLimitedForStores, name, prefix, role, s, n),
    };

    public static AuditMessage ApiKeyRevoked(string name, string prefix) => M(Key.ApiKeyRevoked, name, prefix);
    public static AuditMessage StaffSettingChanged(string key, decimal before, decimal value) => M(Key.StaffSettingChanged, key, before, value);
    public static AuditMessage RegisterKindChanged(string register, string before, string after) => M(Key.RegisterKindChanged, register, before, after);
    public static AuditMessage KioskPairingMade(string register) => M(Key.KioskPairingMade, register);
    public static AuditMessage KioskPaired(string register) => M(Key.KioskPaired, register);
    public static AuditMessage KioskRevoked(string register) => M(Key.KioskRevoked, register);
    public static AuditMessage PunchAdded(PunchKind kind, string employee, DateTimeOffset at, string reason) => M(Key.PunchAdded, Word(kind), employee, at, reason);
    public static AuditMessage PunchDeleted(PunchKind kind, string reason) => M(Key.PunchDeleted, Word(kind), reason);
    public static AuditMessage PunchMoved(PunchKind kind, DateTimeOffset from, DateTimeOffset to, string reason) => M(Key.PunchMoved, Word(kind), from, to, reason);

    public static AuditMessage RolePermissionsChanged(string role, IReadOnlyCollection<string> added, IReadOnlyCollection<string> removed) => (added.Count, removed.Count) switch
    {
        (0, 0) => M(Key.RoleUnchanged, role),
        (_, 0) => M(Key.RoleGranted, role, string.Join(", ", added)),
        (0, _) => M(Key.RoleRevoked, role, string.Join(", ", removed)),
        _ => M(Key.RoleGrantedAndRevoked, role, string.Join(", ", added), string.Join(", ", removed)),
    };

    public static AuditMessage RoleRenamed(string from, string to) => M(Key.RoleRenamed, from, to);
    public static AuditMessage RoleDeleted(string role) => M(Key.RoleDeleted, role);

    public static AuditMessage DiscountGiven(decimal percent, decimal limit, string? lineName, string? reason) => lineName is null
        ? M(Key.DiscountOnSale, percent, limit, reason ?? "")
        : M(Key.DiscountOnLine, percent, limit, lineName, reason ?? "");

    public static AuditMessage PriceOverridden(string product, decimal from, decimal to) => M(Key.PriceOverridden, product, from, to);
    public static AuditMessage PaymentTakenBack(PaymentMethod method, decimal amount) => M(Key.PaymentTakenBack, Word(method), amount);

    public static AuditMessage DrawerOpened(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? M(Key.DrawerOpenedWithoutReason) : M(Key.DrawerOpened, reason);

    public static AuditMessage SaleVoided(decimal total, int lines) => M(Key.SaleVoided, total, lines);

    public static AuditMessage EmployeeAdded(string name, string role, int? storeCount) =>
        storeCount is { } n ? M(Key.EmployeeAddedForStores, name, role, n) : M(Key.EmployeeAdded, name, role);

    public static AuditMessage EmployeeEdited(string name, bool newPin) => M(newPin ? Key.EmployeeEditedWithPin : Key.EmployeeEdited, name);

    /// <summary>What changed in an employee's account, each change a part of one text.</summary>
    public static AuditMessage EmployeeChanged(string name, IReadOnlyList<AuditMessage> changes) => M(Key.EmployeeChanged, name, changes);
    public static AuditMessage EmployeeRolePart(string from, string to) => M(Key.EmployeeRolePart, from, to);
    public static AuditMessage EmployeePinPart() => M(Key.EmployeePinPart);
    public static AuditMessage EmployeePasswordPart() => M(Key.EmployeePasswordPart);
    public static AuditMessage EmployeeDeactivatedPart() => M(Key.EmployeeDeactivatedPart);
    public static AuditMessage EmployeeStoresPart(int? storeCount) => storeCount is { } n ? M(Key.EmployeeStoresPart, n) : M(Key.EmployeeEveryStorePart);

    public static AuditMessage SignInWrongStore(string name) => M(Key.SignInWrongStore, name);
    public static AuditMessage SignedInAtTill(string name) => M(Key.SignedInAtTill, name);
    public static AuditMessage SignedInToBackOffice(string name) => M(Key.SignedInToBackOffice, name);
    public static AuditMessage WrongSecretUnknown(string secret) => M(Key.WrongSecretUnknown, new AuditWord(secret));
    public static AuditMessage SignInWhileLockedOut(string secret, string name, DateTimeOffset until) => M(Key.SignInWhileLockedOut, new AuditWord(secret), name, until);
    public static AuditMessage WrongSecret(string secret, string name, int failures) => M(Key.WrongSecret, new AuditWord(secret), name, failures);
    public static AuditMessage LockedOut(string name, DateTimeOffset until, int failures) => M(Key.LockedOut, name, until, failures);
    public static AuditMessage ApprovalGiven(string approver, Permission permission, string what, string caller) => M(Key.ApprovalGiven, approver, Word(permission), what, caller);
    public static AuditMessage FraudAlertAcknowledged(FraudRule rule, DateOnly day, string? note) => M(Key.FraudAlertAcknowledged, Word(rule), day, note ?? "");

    public static AuditMessage SaleMoved(string? fromTable, string? toTable, string? tab) => string.IsNullOrWhiteSpace(tab)
        ? M(Key.SaleMoved, fromTable ?? "–", toTable ?? "–")
        : M(Key.SaleMovedOnTab, fromTable ?? "–", toTable ?? "–", tab.Trim());

    public static AuditMessage SaleHandedOver(string? from, string to) => M(Key.SaleHandedOver, from ?? "–", to);

    /// <summary>Where a sale is served, for the texts of moves and splits: a table, a tab, or (neither) the sale itself.</summary>
    public sealed record Place(string Kind, string Name);

    public static AuditMessage LinesMoved(string what, Place from, Place to) => M(Key.LinesMoved, what, new AuditWord(from.Kind), from.Name, new AuditWord(to.Kind), to.Name);
    public static AuditMessage LinesMerged(string what, Place from, Place to) => M(Key.LinesMerged, what, new AuditWord(from.Kind), from.Name, new AuditWord(to.Kind), to.Name);
    public static AuditMessage BillSplitBySeat(int parts, Place at, string seats) => M(Key.BillSplitBySeat, parts, new AuditWord(at.Kind), at.Name, seats);
    public static AuditMessage BillSplitInParts(int parts, Place at) => M(Key.BillSplitInParts, parts, new AuditWord(at.Kind), at.Name);

    /// <summary>The words of an order type in an entry: the type's own name, or <see cref="NoOrderType"/> for none (a shop's sale).</summary>
    public const string NoOrderType = "NoOrderType";

    public static AuditMessage OrderTypeChanged(OrderType? from, OrderType? to, Place at) =>
        M(Key.OrderTypeChanged, new AuditWord(from?.ToString() ?? NoOrderType), new AuditWord(to?.ToString() ?? NoOrderType), new AuditWord(at.Kind), at.Name);

    public static AuditMessage Refunded(long receiptNumber, decimal amount, bool withoutReceipt, string? reason) => withoutReceipt
        ? M(Key.RefundedWithoutReceipt, receiptNumber, amount, reason ?? "")
        : M(Key.RefundedAgainstReceipt, receiptNumber, amount);

    public static AuditMessage ModifierGroupAdded(string name) => M(Key.ModifierGroupAdded, name);
    public static AuditMessage ModifierGroupChanged(string name) => M(Key.ModifierGroupChanged, name);
    public static AuditMessage ModifierGroupRemoved(string name) => M(Key.ModifierGroupRemoved, name);
    public static AuditMessage ProductMenuChanged(string product) => M(Key.ProductMenuChanged, product);
    public static AuditMessage ChartOfAccountsChanged() => M(Key.ChartOfAccountsChanged);
    public static AuditMessage AccountingExported(string format, DateOnly from, DateOnly to, int days) => M(Key.AccountingExported, format, from, to, days);
    public static AuditMessage AccountingConnectorSet(string url, string journal, bool newToken) =>
        M(newToken ? Key.AccountingConnectorSetWithToken : Key.AccountingConnectorSet, url, journal);
    public static AuditMessage AccountingDayPushed(DateOnly day, string url, string status) => M(Key.AccountingDayPushed, day, url, status);
    public static AuditMessage LoyaltyRulesChanged() => M(Key.LoyaltyRulesChanged);
    public static AuditMessage CustomerExported(string number) => M(Key.CustomerExported, number);
    public static AuditMessage CustomerErased(string number, string reason, int salesUnlinked) => M(Key.CustomerErased, number, reason, salesUnlinked);
    public static AuditMessage FloorAreaAdded(string name) => M(Key.FloorAreaAdded, name);
    public static AuditMessage FloorAreaChanged(string name) => M(Key.FloorAreaChanged, name);
    public static AuditMessage FloorAreaRemoved(string name) => M(Key.FloorAreaRemoved, name);
    public static AuditMessage TableAdded(string name) => M(Key.TableAdded, name);
    public static AuditMessage TableChanged(string name) => M(Key.TableChanged, name);
    public static AuditMessage TableRemoved(string name) => M(Key.TableRemoved, name);

    public static AuditMessage CourseFired(int course, string? table, string? tab) =>
        table is not null ? M(Key.CourseFiredForTable, course, table) : tab is not null ? M(Key.CourseFiredForTab, course, tab) : M(Key.CourseFiredWithoutTable, course);

    public static AuditMessage GuestOrderingChanged() => M(Key.GuestOrderingChanged);
    public static AuditMessage TableQrRenewed(string table) => M(Key.TableQrRenewed, table);
    public static AuditMessage TableQrOrdering(string table, bool closed) => M(closed ? Key.TableQrClosed : Key.TableQrOpened, table);
    public static AuditMessage SentToKitchen(string? table, string? tab, string items) =>
        table is not null ? M(Key.SentToKitchenForTable, table, items) : tab is not null ? M(Key.SentToKitchenForTab, tab, items) : M(Key.SentToKitchenWithoutTable, items);

    public static AuditMessage KitchenStationAdded(string name) => M(Key.KitchenStationAdded, name);
    public static AuditMessage KitchenStationChanged(string name) => M(Key.KitchenStationChanged, name);
    public static AuditMessage KitchenStationRemoved(string name) => M(Key.KitchenStationRemoved, name);
    public static AuditMessage KitchenRouteSet(Guid? productId, Guid? categoryId) =>
        productId is { } p ? M(Key.KitchenRouteOfProduct, p.ToString()) : M(Key.KitchenRouteOfCategory, categoryId?.ToString() ?? "");
    public static AuditMessage WebhookRegistered(string url, string events) => M(Key.WebhookRegistered, url, events);
    public static AuditMessage WebhookDeleted(string url) => M(Key.WebhookDeleted, url);
    public static AuditMessage SignedOut(bool idle = false) => M(idle ? Key.SignedOutIdle : Key.SignedOut);

    // ---- storing and telling ---------------------------------------------------------------------------------

    /// <summary>The English text as the entry's Detail keeps it: times in UTC, marked so.</summary>
    public static string English(AuditMessage message)
    {
        var template = Texts.GetString(message.Key, CultureInfo.InvariantCulture)
            ?? throw new InvalidOperationException($"Audit text {message.Key} is missing from AuditTexts.resx.");
        var arguments = message.Arguments.Select(a => a switch
        {
            DateTimeOffset at => new UtcTime(at),
            AuditWord word => WordIn(word.Name, CultureInfo.InvariantCulture),
            AuditMessage part => English(part),
            IEnumerable<AuditMessage> parts => string.Join(", ", parts.Select(English)),
            _ => a,
        }).ToArray();
        return string.Format(CultureInfo.InvariantCulture, template, arguments);
    }

    /// <summary>The arguments as stored (JSON): an instant as {"at"}, a day as {"day"}, a word as {"word"}; numbers and text as they are.</summary>
    public static string Serialise(IReadOnlyList<object?> arguments)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json, arguments);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter json, IReadOnlyList<object?> arguments)
    {
        json.WriteStartArray();
        foreach (var argument in arguments)
        {
            switch (argument)
            {
                case null: json.WriteNullValue(); break;
                case string text: json.WriteStringValue(text); break;
                case int n: json.WriteNumberValue(n); break;
                case long n: json.WriteNumberValue(n); break;
                case decimal n: json.WriteNumberValue(n); break;
                case DateTimeOffset at: json.WriteStartObject(); json.WriteString("at", at.ToUniversalTime()); json.WriteEndObject(); break;
                case DateOnly day: json.WriteStartObject(); json.WriteString("day", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); json.WriteEndObject(); break;
                case AuditWord word: json.WriteStartObject(); json.WriteString("word", word.Name); json.WriteEndObject(); break;
                case AuditMessage part:
                    json.WriteStartObject();
                    json.WriteString("text", part.Key);
                    json.WritePropertyName("args");
                    Write(json, part.Arguments);
                    json.WriteEndObject();
                    break;
                case IEnumerable<AuditMessage> parts:
                    json.WriteStartObject();
                    json.WriteStartArray("list");
                    foreach (var part in parts)
                    {
                        json.WriteStartObject();
                        json.WriteString("text", part.Key);
                        json.WritePropertyName("args");
                        Write(json, part.Arguments);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                    break;
                default: json.WriteStringValue(Convert.ToString(argument, CultureInfo.InvariantCulture)); break;
            }
        }
        json.WriteEndArray();
    }

    /// <summary>
    /// An entry's text in the reader's language, its instants in the store's time zone; null when the entry has no key
    /// (written before keys) or its arguments do not fit, and the caller shows <see cref="AuditEntry.Detail"/>.
    /// </summary>
    public static string? Describe(string? key, string? arguments, CultureInfo culture, TimeZoneInfo zone)
    {
        if (key is null || arguments is null)
            return null;
        var template = Texts.GetString(key, culture);
        if (string.IsNullOrEmpty(template))
            return null;
        try
        {
            using var json = JsonDocument.Parse(arguments);
            return Format(template, json.RootElement, culture, zone);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Format(string template, JsonElement arguments, CultureInfo culture, TimeZoneInfo zone) =>
        string.Format(culture, template, arguments.EnumerateArray().Select(e => Read(e, culture, zone)).ToArray());

    /// <summary>A part of a text (an <see cref="AuditMessage"/> inside another) in the reader's language.</summary>
    private static string Part(JsonElement part, CultureInfo culture, TimeZoneInfo zone)
    {
        var key = part.GetProperty("text").GetString()!;
        var template = Texts.GetString(key, culture) ?? throw new InvalidOperationException($"Audit text {key} is missing.");
        return Format(template, part.GetProperty("args"), culture, zone);
    }

    private static object? Read(JsonElement e, CultureInfo culture, TimeZoneInfo zone) => e.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.GetDecimal(),
        JsonValueKind.Object when e.TryGetProperty("at", out var at) => TimeZoneInfo.ConvertTime(at.GetDateTimeOffset(), zone).DateTime,
        JsonValueKind.Object when e.TryGetProperty("day", out var day) => DateOnly.ParseExact(day.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        JsonValueKind.Object when e.TryGetProperty("word", out var word) => WordIn(word.GetString()!, culture),
        JsonValueKind.Object when e.TryGetProperty("text", out _) => Part(e, culture, zone),
        JsonValueKind.Object when e.TryGetProperty("list", out var list) => string.Join(", ", list.EnumerateArray().Select(p => Part(p, culture, zone))),
        _ => e.ToString(),
    };

    private static string WordIn(string name, CultureInfo culture) => Texts.GetString("word." + name, culture) ?? name;

    /// <summary>An instant formatted as its template asks, in UTC and saying so (the English Detail).</summary>
    private sealed record UtcTime(DateTimeOffset At) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? provider) => At.UtcDateTime.ToString(format ?? "u", provider) + " UTC";

        public override string ToString() => ToString(null, CultureInfo.InvariantCulture);
    }
}
