using Kasse.Domain.Fiscal;
using Kasse.Domain.Sales;

namespace Kasse.Application.Fiscal.SaftExport;

/// <summary>One entry of the file's <c>basics</c>: a code the file uses, with its official code where there is one.</summary>
public sealed record SaftBasic(string BasicType, string BasicId, string? PredefinedBasicId, string Description);

/// <summary>
/// The SAF-T Cash Register code lists Kasse writes into <c>basics</c> (BasicType, PredefinedBasicID 04/11/12/13,
/// as published in the team's reference folder), and Kasse's own codes for line and discount types.
/// </summary>
public static class SaftCodeLists
{
    public const string ArticleGroupType = "04";
    public const string LineType = "05";
    public const string DiscountType = "08";
    public const string RaiseType = "10";
    public const string TransactionType = "11";
    public const string PaymentType = "12";
    public const string EventType = "13";

    /// <summary>Kasse's ticket-line codes (BasicType 05 has no predefined list).</summary>
    public static readonly SaftBasic SaleLine = new(LineType, "SALE", null, "Sales line");
    public static readonly SaftBasic ReturnLine = new(LineType, "RETURN", null, "Return line (goods taken back)");
    /// <summary>The sale (or return) of a multi-purpose voucher: money received for a gift card, not a supply (no VAT, not revenue).</summary>
    public static readonly SaftBasic VoucherLine = new(LineType, "VOUCHER", null, "Gift card sold or topped up (multi-purpose voucher, no VAT)");

    /// <summary>Kasse's discount codes (BasicType 08 has no predefined list).</summary>
    public static readonly SaftBasic LineDiscount = new(DiscountType, "DSC-LINE", null, "Discount on one line, with the reason given at the till");
    public static readonly SaftBasic SaleDiscount = new(DiscountType, "DSC-SALE", null, "Discount on the whole sale, shared over its lines");

    /// <summary>
    /// Each promotion (P-…) and price list (L-…) is its own discount code, named, so an auditor can tell them apart;
    /// the id fits IdentificationString35.
    /// </summary>
    public static SaftBasic Promotion(Kasse.Domain.Promotions.AdjustmentSource source, Guid id, string name) => new(DiscountType,
        (source == Kasse.Domain.Promotions.AdjustmentSource.PriceList ? "L-" : "P-") + id.ToString("N"), null,
        (source == Kasse.Domain.Promotions.AdjustmentSource.PriceList ? "Price list: " : "Promotion: ") + name);

    /// <summary>A tip taken with a payment (BasicType 10 raise codes, PredefinedBasicID 10001).</summary>
    public static readonly SaftBasic Tip = new(RaiseType, "10001", "10001", "Amount from gratuity/tip");

    public static readonly SaftBasic CashDifference = new(TransactionType, SaftCodes.CashDifference, SaftCodes.CashDifference, "Cash difference");
    public static readonly SaftBasic OutPayment = new(TransactionType, SaftCodes.OutPayment, SaftCodes.OutPayment, "Out payment");
    public static readonly SaftBasic InPayment = new(TransactionType, SaftCodes.InPayment, SaftCodes.InPayment, "In payment");

    public static SaftBasic Transaction(SaleKind kind) => kind switch
    {
        SaleKind.Sale => new(TransactionType, SaftCodes.CashSale, SaftCodes.CashSale, "Cash sale"),
        SaleKind.Return => new(TransactionType, SaftCodes.ReturnPayment, SaftCodes.ReturnPayment, "Return payment"),
    };

    public static SaftBasic Payment(PaymentMethod method)
    {
        var code = SaftCodes.PaymentCode(method);
        return new(PaymentType, code, code, PaymentDescriptions.GetValueOrDefault(code, method.ToString()));
    }

    public static SaftBasic Event(string code) =>
        new(EventType, code, code, EventDescriptions.GetValueOrDefault(code, "Other"));

    public static SaftBasic ArticleGroup(string code) =>
        new(ArticleGroupType, code, code, ArticleGroupDescriptions.GetValueOrDefault(code, "Other"));

    public static string ArticleGroupDescription(string code) => ArticleGroupDescriptions.GetValueOrDefault(code, "Other");

    private static readonly Dictionary<string, string> PaymentDescriptions = new()
    {
        ["12001"] = "Cash",
        ["12002"] = "Debit card",
        ["12003"] = "Credit card",
        ["12004"] = "Bank account",
        ["12005"] = "Gift token",
        ["12006"] = "Customer card",
        ["12007"] = "Loyalty, stamps",
        ["12008"] = "Bottle deposit",
        ["12009"] = "Check",
        ["12010"] = "Credit note",
        ["12011"] = "Mobile phone apps",
        ["12999"] = "Other",
    };

    private static readonly Dictionary<string, string> EventDescriptions = new()
    {
        ["13001"] = "POS application start",
        ["13002"] = "POS application shut down",
        ["13003"] = "Employee log in",
        ["13004"] = "Employee log out",
        ["13005"] = "Open cash drawer",
        ["13006"] = "Close cash drawer",
        ["13007"] = "Update of POS application",
        ["13008"] = "X report",
        ["13009"] = "Z report",
        ["13010"] = "Suspend transaction",
        ["13011"] = "Resume transaction",
        ["13012"] = "Sales receipt printed",
        ["13013"] = "Return receipt",
        ["13014"] = "Copy receipt",
        ["13015"] = "Provisional receipt",
        ["13016"] = "Delivery receipt",
        ["13017"] = "Training receipt",
        ["13018"] = "Other reports or receipts",
        ["13019"] = "Cash withdrawal",
        ["13020"] = "Export of journal to external storage (cash register)",
        ["13021"] = "Price change",
        ["13022"] = "Price look-up",
        ["13023"] = "Training mode on",
        ["13024"] = "Training mode off",
        ["13025"] = "Memory full (cash register)",
        ["13026"] = "Emergency mode on",
        ["13027"] = "Emergency mode off",
        ["13028"] = "Void receipt",
        ["13029"] = "STEB receipt",
        ["13030"] = "Concluded sale without receipt printed",
        ["13999"] = "Other",
    };

    private static readonly Dictionary<string, string> ArticleGroupDescriptions = new()
    {
        [ArticleGroups.SaleOfGoods] = "Sale of goods",
        [ArticleGroups.Food] = "Food",
        [ArticleGroups.Beer] = "Beer",
        [ArticleGroups.Wine] = "Wine",
        [ArticleGroups.Liquor] = "Liquor",
        [ArticleGroups.Cider] = "Alcopops/Cider",
        [ArticleGroups.SoftDrinks] = "Soft drinks/Mineral water",
        [ArticleGroups.OtherDrinks] = "Other drinks (tea, coffee etc)",
        [ArticleGroups.Tobacco] = "Tobacco",
        [ArticleGroups.OtherGoods] = "Other goods",
    };
}
