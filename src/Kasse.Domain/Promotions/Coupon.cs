namespace Kasse.Domain.Promotions;

/// <summary>A code a customer hands over (printed or in an app) that unlocks a promotion marked <c>RequiresCoupon</c>.</summary>
public sealed class Coupon
{
    public const int MaxCodeLength = 32;

    private Coupon() { Code = ""; }

    public Guid Id { get; private set; }

    /// <summary>Stored upper-case, so codes match however they are typed.</summary>
    public string Code { get; private set; }
    public Guid PromotionId { get; private set; }
    public DateTimeOffset? ValidFrom { get; private set; }
    public DateTimeOffset? ValidTo { get; private set; }
    public bool IsActive { get; private set; }

    public static Coupon Create(Guid id, string code, Guid promotionId, DateTimeOffset? validFrom, DateTimeOffset? validTo, bool isActive)
    {
        if (id == Guid.Empty)
            throw DomainException.Invalid(CouponErrors.Id, "A coupon id must not be empty.");
        var coupon = new Coupon { Id = id };
        coupon.Change(code, promotionId, validFrom, validTo, isActive);
        return coupon;
    }

    public void Change(string code, Guid promotionId, DateTimeOffset? validFrom, DateTimeOffset? validTo, bool isActive)
    {
        Code = Normalise(code);
        if (promotionId == Guid.Empty)
            throw DomainException.Invalid(CouponErrors.Promotion, "Say which promotion the coupon unlocks.");
        if (validFrom is { } from && validTo is { } to && to <= from)
            throw DomainException.Invalid(CouponErrors.ValidTo, "A coupon must end after it starts.");
        PromotionId = promotionId;
        ValidFrom = validFrom;
        ValidTo = validTo;
        IsActive = isActive;
    }

    public bool IsValidAt(DateTimeOffset now) =>
        IsActive && (ValidFrom is not { } from || now >= from) && (ValidTo is not { } to || now < to);

    public static string Normalise(string? code)
    {
        var text = Text.Required(code, MaxCodeLength, "coupon.code", "A coupon code").ToUpperInvariant();
        if (!text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            throw DomainException.Invalid(CouponErrors.Code, "A coupon code has only letters A–Z, digits and dashes.");
        return text;
    }
}
