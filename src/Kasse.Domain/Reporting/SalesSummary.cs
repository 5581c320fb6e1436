namespace Kasse.Domain.Reporting;

/// <summary>What a summary row is counted by; each completed sale adds to one row of every dimension it touches.</summary>
public enum SummaryDimension
{
    /// <summary>The whole business day of a store (key "").</summary>
    Day,
    /// <summary>Hour of the day in the store's time zone, "00" to "23".</summary>
    Hour,
    /// <summary>The product's category id, "" for lines without one.</summary>
    Category,
    /// <summary>The product id, "" for custom lines.</summary>
    Product,
    /// <summary>The cashier's employee id, "" when nobody signed in.</summary>
    Employee,
    /// <summary>The payment method's name (Cash, Card …); only receipts, returns, amount, rounding and tips are counted.</summary>
    PaymentMethod,
    /// <summary>
    /// Gift cards sold or topped up (key ""), returned cards subtracted. A gift card sold is a debt, not turnover, so its
    /// lines are counted here and in no other dimension.
    /// </summary>
    GiftCards,
}

/// <summary>
/// The sums of one store's business day by one <see cref="SummaryDimension"/> key, kept current as sales complete so
/// reports over years read a few rows per day instead of every sale line. Amounts are whole øre, because these
/// figures are only ever added up (DESIGN.md "Money": integer sums are exact on both databases).
/// </summary>
public sealed class SalesSummary
{
    public const int MaxKeyLength = 40;

    private SalesSummary() { Key = ""; }

    public SalesSummary(Guid storeId, DateOnly businessDay, SummaryDimension dimension, string key)
    {
        StoreId = storeId;
        BusinessDay = businessDay;
        Dimension = dimension;
        Key = key;
    }

    public Guid StoreId { get; private set; }
    public DateOnly BusinessDay { get; private set; }
    public SummaryDimension Dimension { get; private set; }
    public string Key { get; private set; }

    /// <summary>Sales receipts (not returns) that touched this row.</summary>
    public long Receipts { get; private set; }
    /// <summary>Return receipts that touched this row.</summary>
    public long Returns { get; private set; }
    /// <summary>Items sold: pieces, and one per weighed or measured line.</summary>
    public long ItemsSold { get; private set; }
    public long ItemsReturned { get; private set; }
    /// <summary>Turnover incl. VAT after discounts, returns subtracted (øre).</summary>
    public long Gross { get; private set; }
    /// <summary><see cref="Gross"/> without VAT (øre).</summary>
    public long Net { get; private set; }
    public long Vat { get; private set; }
    /// <summary>Line and sale discounts given, less those handed back with returns (øre).</summary>
    public long Discounts { get; private set; }
    /// <summary>Money paid back on returns, incl. VAT, as a positive amount (øre).</summary>
    public long Refunded { get; private set; }
    /// <summary>Cash rounding (øreafrunding) settled by payments (øre).</summary>
    public long CashRounding { get; private set; }
    /// <summary>Cost of the goods whose cost was known (øre).</summary>
    public long Cost { get; private set; }
    /// <summary>The net turnover of those same goods, so margin is measured only where the cost is known (øre).</summary>
    public long CostedNet { get; private set; }
    /// <summary>
    /// Tips taken with the payments (øre): the staff's money, not turnover, so in no other figure. Counted on the day, hour,
    /// employee (the sale's cashier, who served) and payment method rows.
    /// </summary>
    public long Tips { get; private set; }

    public SummaryKey Identity => new(StoreId, BusinessDay, Dimension, Key);

    public void Add(SalesSummary other)
    {
        Receipts += other.Receipts;
        Returns += other.Returns;
        ItemsSold += other.ItemsSold;
        ItemsReturned += other.ItemsReturned;
        Gross += other.Gross;
        Net += other.Net;
        Vat += other.Vat;
        Discounts += other.Discounts;
        Refunded += other.Refunded;
        CashRounding += other.CashRounding;
        Cost += other.Cost;
        CostedNet += other.CostedNet;
        Tips += other.Tips;
    }

    internal void CountReceipt(bool isReturn)
    {
        if (isReturn)
            Returns++;
        else
            Receipts++;
    }

    internal void AddLine(long gross, long vat, long discount, long items, bool isReturn, long? cost)
    {
        Gross += gross;
        Vat += vat;
        Net += gross - vat;
        Discounts += discount;
        if (isReturn)
        {
            Refunded -= gross;
            ItemsReturned -= items;
        }
        else
            ItemsSold += items;
        if (cost is { } known)
        {
            Cost += known;
            CostedNet += gross - vat;
        }
    }

    internal void AddPayment(long amount, long rounding)
    {
        Gross += amount;
        CashRounding += rounding;
        if (amount < 0)
            Refunded -= amount;
    }

    internal void AddRounding(long rounding) => CashRounding += rounding;

    internal void AddTip(long tip) => Tips += tip;
}

public readonly record struct SummaryKey(Guid StoreId, DateOnly BusinessDay, SummaryDimension Dimension, string Key);
