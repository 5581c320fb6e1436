using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kasse.Domain.Customers;
using Kasse.Domain.GiftCards;

namespace Kasse.Domain.Tests;

public class LoyaltyAndGiftCardTests
{
    private static readonly LoyaltyRules Rules = LoyaltyRules.Off with { Enabled = true, PointsPerKrone = 1m, PointValue = 0.10m };

    [Property(MaxTest = 300)]
    public void Partial_returns_together_take_back_exactly_what_the_sale_earned_and_never_more(PositiveInt earnedSeed, PositiveInt totalOre, NonEmptyArray<PositiveInt> parts)
    {
        var earned = earnedSeed.Get % 100_000;
        var total = totalOre.Get % 10_000_000 / 100m + 1m;
        var weights = parts.Get.Select(p => (decimal)p.Get).ToList();
        var refunds = weights.Select(w => Math.Round(total * w / weights.Sum(), 2)).ToList();
        refunds[^1] = total - refunds.Take(refunds.Count - 1).Sum();
        if (refunds.Any(r => r < 0m))
            return;

        var before = 0m;
        var takenBack = 0L;
        foreach (var refund in refunds)
        {
            var back = PointsCalculator.TakenBack(earned, total, before, refund);
            Assert.True(back >= 0, $"A return gave points instead of taking them: {back}.");
            takenBack += back;
            before += refund;
            Assert.True(takenBack <= earned);
        }
        Assert.Equal(earned, takenBack);
    }

    [Fact]
    public void Gift_cards_earn_no_points_and_the_part_paid_with_points_earns_none()
    {
        LoyaltyLine Goods(decimal total) => new(Guid.NewGuid(), null, 1m, total, IsVoucher: false, IsPieces: true);
        var voucher = new LoyaltyLine(null, null, 1m, 500m, IsVoucher: true, IsPieces: true);

        Assert.Equal(100, PointsCalculator.Earned(Rules, null, [Goods(100m), voucher], paidWithPoints: 0m));
        Assert.Equal(75, PointsCalculator.Earned(Rules, null, [Goods(100m)], paidWithPoints: 25m));
        Assert.Equal(150, PointsCalculator.Earned(Rules, new LoyaltyTier("Guld", 0, 1.5m), [Goods(100m)], 0m));
    }

    [Fact]
    public void Points_pay_at_their_value_rounded_up_so_they_never_pay_more_than_they_are_worth() =>
        Assert.Equal((100L, 101L), (Rules.PointsFor(10.00m), Rules.PointsFor(10.05m)));

    [Fact]
    public void New_gift_card_codes_pass_their_check_digit_and_a_mistyped_digit_is_caught()
    {
        for (var i = 0; i < 200; i++)
        {
            var code = GiftCardCode.New();
            Assert.Equal(code, GiftCardCode.Validate(code));
            var typo = code[..5] + (char)('0' + (code[5] - '0' + 1) % 10) + code[6..];
            Assert.False(GiftCardCode.IsValid(typo), $"{typo} (from {code}) should fail its check digit.");
        }
        Assert.Equal(GiftCardCode.Length, GiftCardCode.New().Length);
    }

    [Fact]
    public void A_gift_card_line_carries_no_vat_and_cannot_be_discounted_or_multiplied()
    {
        var store = Shop.ADanishStore();
        var sale = Sales.Sale.Open(Guid.CreateVersion7(), store, Shop.ARegister(store), null, Shop.Now);
        var code = GiftCardCode.New();
        var line = sale.AddVoucherLine(Guid.CreateVersion7(), "Gavekort", 300m, store.VatRateFor(0m), code);

        Assert.True(line.IsVoucher);
        Assert.Equal((code, 0m, 300m), (line.Barcode, sale.VatBreakdown.Sum(v => v.Vat), sale.TotalAmount));
        Assert.Equal("voucher.discount", Assert.Throws<DomainException>(() => sale.SetLineDiscount(line.Id, Sales.DiscountKind.Percent, 10m, "Rabat")).Code);
        Assert.Equal("voucher.quantity", Assert.Throws<DomainException>(() => sale.ChangeQuantity(line.Id, 2m)).Code);
        Assert.Equal("voucher.vat", Assert.Throws<DomainException>(() => sale.AddVoucherLine(Guid.CreateVersion7(), "Gavekort", 10m, store.VatRateFor(25m), code)).Code);
    }

    [Fact]
    public void A_card_expires_at_its_expiry_and_refuses_to_be_used_after()
    {
        var issued = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var card = new GiftCard(Guid.NewGuid(), GiftCardCode.New(), GiftCardKind.GiftCard, "DKK", issued, issued.AddYears(3), null);
        card.EnsureUsableAt(issued.AddYears(3).AddSeconds(-1));
        Assert.Equal("gift-card.expired", Assert.Throws<DomainException>(() => card.EnsureUsableAt(issued.AddYears(3))).Code);
    }
}
