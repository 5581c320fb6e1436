using Kasse.Domain.GiftCards;

namespace Kasse.Application.GiftCards;

/// <summary>Sell a new gift card (no code) or top up an existing one (its code) as a line of an open sale.</summary>
public sealed record SellGiftCard(decimal Amount, string? Code = null, Guid? LineId = null);

public sealed record GiftCardView(Guid Id, Guid StoreId, string Code, GiftCardKind Kind, string Currency, decimal Balance, DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt, bool IsExpired, Guid? IssuedOnSaleId)
{
    public static GiftCardView From(GiftCard c, DateTimeOffset now) =>
        new(c.Id, c.StoreId, c.Code, c.Kind, c.Currency, c.Balance, c.IssuedAt, c.ExpiresAt, c.IsExpiredAt(now), c.IssuedOnSaleId);
}

public sealed record GiftCardMovementView(Guid Id, GiftCardMovementKind Kind, decimal Amount, Guid? SaleId, Guid? PaymentId, DateTimeOffset At)
{
    public static GiftCardMovementView From(GiftCardMovement m) => new(m.Id, m.Kind, m.Amount, m.SaleId, m.PaymentId, m.At);
}

public sealed record GiftCardDetailView(GiftCardView Card, IReadOnlyList<GiftCardMovementView> Movements);

/// <summary>What the shop owes on cards at a moment: outstanding balances still usable, and those past expiry.</summary>
public sealed record GiftCardLiabilityView(Guid StoreId, DateTimeOffset At, string Currency, decimal Outstanding, int OutstandingCards,
    decimal GiftCardsOutstanding, decimal CreditNotesOutstanding, decimal Expired, int ExpiredCards, IReadOnlyList<GiftCardLiabilityLine> Cards);

public sealed record GiftCardLiabilityLine(string Code, GiftCardKind Kind, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, decimal Balance, bool Expired);
