namespace Kasse.Domain.Fiscal;

/// <summary>What happened, in the journal's own words. Each kind maps to its SAF-T event code.</summary>
public enum JournalEventKind
{
    ApplicationStarted,
    ApplicationStopped,
    SaleParked,
    SaleResumed,
    SaleVoided,
    SaleCompleted,
    ReturnCompleted,
    PriceChanged,
    TrainingReceipt,
    CopyReceipt,
    ProvisionalReceipt,
    TrainingModeOn,
    TrainingModeOff,
    EmployeeSignedIn,
    EmployeeSignedOut,
    PriceLookedUp,
    /// <summary>The journal was exported (SAF-T Cash Register file) to storage outside Kasse.</summary>
    JournalExported,
    XReport,
    ZReport,
    CashSessionOpened,
    CashCounted,
    CashWithdrawal,
    CashPaidIn,
    DrawerOpened,
    /// <summary>The drawer was shut again, as the drawer's sensor or the till reports it.</summary>
    DrawerClosed,
    /// <summary>A delivery note (følgeseddel) printed for a completed sale: goods handed over, not a receipt.</summary>
    DeliveryReceipt,
    /// <summary>A sale completed without its receipt being printed: the customer declined it.</summary>
    SaleConcludedWithoutReceipt,
}

/// <summary>
/// SAF-T Cash Register code lists (PredefinedBasicID 13 events, 11 transaction types, 12 payment types),
/// as published with the schemas in the team's reference folder. One place, so no code is typed twice.
/// </summary>
public static class SaftCodes
{
    public static string EventCode(JournalEventKind kind) => kind switch
    {
        JournalEventKind.ApplicationStarted => "13001",
        JournalEventKind.ApplicationStopped => "13002",
        JournalEventKind.SaleParked => "13010",
        JournalEventKind.SaleResumed => "13011",
        JournalEventKind.SaleCompleted => "13012",
        JournalEventKind.ReturnCompleted => "13013",
        JournalEventKind.PriceChanged => "13021",
        JournalEventKind.SaleVoided => "13028",
        JournalEventKind.TrainingReceipt => "13017",
        JournalEventKind.CopyReceipt => "13014",
        JournalEventKind.ProvisionalReceipt => "13015",
        JournalEventKind.TrainingModeOn => "13023",
        JournalEventKind.TrainingModeOff => "13024",
        JournalEventKind.EmployeeSignedIn => "13003",
        JournalEventKind.EmployeeSignedOut => "13004",
        JournalEventKind.PriceLookedUp => "13022",
        JournalEventKind.JournalExported => "13020",
        JournalEventKind.XReport => "13008",
        JournalEventKind.ZReport => "13009",
        JournalEventKind.CashWithdrawal => "13019",
        JournalEventKind.DrawerOpened => "13005",
        JournalEventKind.DrawerClosed => "13006",
        JournalEventKind.DeliveryReceipt => "13016",
        JournalEventKind.SaleConcludedWithoutReceipt => "13030",
        // The code list has no event for an opening float, a count or cash put in; they are "other" events
        // whose payload carries the transaction type (11007 cash declaration, 11008 cash difference, 11011 in payment).
        JournalEventKind.CashSessionOpened => "13999",
        JournalEventKind.CashCounted => "13999",
        JournalEventKind.CashPaidIn => "13999",
    };

    public const string CashSale = "11001";
    public const string ReturnPayment = "11006";
    public const string CashDeclaration = "11007";
    public const string CashDifference = "11008";
    public const string OutPayment = "11010";
    public const string InPayment = "11011";

    public static string PaymentCode(Sales.PaymentMethod method) => method switch
    {
        Sales.PaymentMethod.Cash => "12001",
        // Dankort is a debit card; the terminal integration will tell debit (12002) from credit (12003).
        Sales.PaymentMethod.Card => "12002",
        Sales.PaymentMethod.GiftCard => "12005",
        Sales.PaymentMethod.MobilePay => "12011",
        Sales.PaymentMethod.LoyaltyPoints => "12007",
    };
}
