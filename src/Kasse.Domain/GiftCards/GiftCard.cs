using System.Globalization;
using System.Security.Cryptography;

namespace Kasse.Domain.GiftCards;

public enum GiftCardKind
{
    /// <summary>Sold at the till: a multi-purpose voucher (no VAT when sold; VAT is due on the goods it buys).</summary>
    GiftCard,
    /// <summary>Tilgodebevis: issued instead of money back on a return.</summary>
    CreditNote,
}

/// <summary>
/// A gift card or credit note: a code the customer carries and a balance the shop owes them until it expires.
/// The balance only moves with a <see cref="GiftCardMovement"/> in the same transaction.
/// </summary>
public sealed class GiftCard
{
    public const decimal MaxAmount = 100_000m;

    private GiftCard() { Code = ""; Currency = ""; }

    public GiftCard(Guid storeId, string code, GiftCardKind kind, string currency, DateTimeOffset issuedAt, DateTimeOffset expiresAt, Guid? issuedOnSaleId)
    {
        Id = Guid.CreateVersion7();
        StoreId = storeId;
        Code = GiftCardCode.Validate(code);
        Kind = kind;
        Currency = currency;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
        IssuedOnSaleId = issuedOnSaleId;
    }

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public string Code { get; private set; }
    public GiftCardKind Kind { get; private set; }
    public string Currency { get; private set; }
    public decimal Balance { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public Guid? IssuedOnSaleId { get; private set; }

    public bool IsExpiredAt(DateTimeOffset at) => at >= ExpiresAt;

    public void EnsureUsableAt(DateTimeOffset at)
    {
        if (IsExpiredAt(at))
            throw DomainException.Conflict(GiftCardErrors.Expired,
                $"Card {GiftCardCode.Masked(Code)} expired on {ExpiresAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.");
    }

    /// <summary>Moves the balance as a movement recorded with it (issue, top-up, refund back to the card).</summary>
    public GiftCardMovement Credit(GiftCardMovementKind kind, decimal amount, Guid? saleId, Guid? paymentId, DateTimeOffset at)
    {
        if (amount <= 0m || Balance + amount > MaxAmount)
            throw DomainException.Invalid(GiftCardErrors.Amount, $"A card can hold at most {MaxAmount.ToString("N0", CultureInfo.InvariantCulture)}; this would make it {(Balance + amount).ToString("0.00", CultureInfo.InvariantCulture)}.");
        Balance += amount;
        return new GiftCardMovement(this, kind, amount, saleId, paymentId, at);
    }

    /// <summary>The movement for a redemption whose balance the database already moved (atomically, see the service).</summary>
    public GiftCardMovement Redeemed(decimal amount, Guid saleId, Guid paymentId, DateTimeOffset at) =>
        new(this, GiftCardMovementKind.Redeemed, -amount, saleId, paymentId, at);

    /// <summary>The ledger entry for a balance change the database already made with one conditional UPDATE.</summary>
    public GiftCardMovement Movement(GiftCardMovementKind kind, decimal amount, Guid? saleId, Guid? paymentId, DateTimeOffset at) =>
        new(this, kind, amount, saleId, paymentId, at);
}

public enum GiftCardMovementKind
{
    Issued,
    ToppedUp,
    Redeemed,
    /// <summary>A redemption taken back before the sale completed (the payment was removed).</summary>
    RedemptionReversed,
    /// <summary>Money of a return paid back onto the card it was paid with.</summary>
    Refunded,
    /// <summary>An unused card brought back and refunded (its sale line returned).</summary>
    Returned,
}

/// <summary>One movement of a card's balance: the ledger the liability report sums.</summary>
public sealed class GiftCardMovement
{
    private GiftCardMovement() { }

    internal GiftCardMovement(GiftCard card, GiftCardMovementKind kind, decimal amount, Guid? saleId, Guid? paymentId, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        GiftCardId = card.Id;
        StoreId = card.StoreId;
        Kind = kind;
        Amount = amount;
        SaleId = saleId;
        PaymentId = paymentId;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid GiftCardId { get; private set; }
    public Guid StoreId { get; private set; }
    public GiftCardMovementKind Kind { get; private set; }
    /// <summary>Signed: positive adds to the balance.</summary>
    public decimal Amount { get; private set; }
    public Guid? SaleId { get; private set; }
    public Guid? PaymentId { get; private set; }
    public DateTimeOffset At { get; private set; }
}

/// <summary>Card codes: 16 random digits, the last a Luhn check digit so a mistyped code is caught at the till.</summary>
public static class GiftCardCode
{
    public const int Length = 16;

    public static string New()
    {
        Span<char> digits = stackalloc char[Length - 1];
        for (var i = 0; i < digits.Length; i++)
            digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        digits[0] = '9'; // never looks like a product's EAN (those start 0–8 here), so a scan is unambiguous
        var payload = new string(digits);
        return payload + CheckDigit(payload);
    }

    public static string Validate(string? code)
    {
        var digits = new string((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (digits.Length != Length || !digits.All(char.IsAsciiDigit) || CheckDigit(digits[..^1]) != digits[^1])
            throw DomainException.Invalid(GiftCardErrors.Code, $"'{code?.Trim()}' is not a gift card code: they have {Length} digits. Scan or type it again.");
        return digits;
    }

    public static bool IsValid(string? code)
    {
        try { Validate(code); return true; }
        catch (DomainException) { return false; }
    }

    /// <summary>What a screen or report shows: the last four digits only.</summary>
    public static string Masked(string code) => "•••• " + code[^4..];

    private static char CheckDigit(string payload)
    {
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            var d = payload[payload.Length - 1 - i] - '0';
            if (i % 2 == 0)
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }
}
