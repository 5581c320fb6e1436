using Kasse.Domain.Stores;
using static Kasse.Domain.Tests.Shop;

namespace Kasse.Domain.Tests;

public class StoreTests
{
    public static TheoryData<DateTimeOffset, DateOnly> BusinessDays => new()
    {
        // Winter time (CET, UTC+1): 22:30 UTC is 23:30 the same evening.
        { new DateTimeOffset(2026, 3, 28, 22, 30, 0, TimeSpan.Zero), new DateOnly(2026, 3, 28) },
        // Summer time (CEST, UTC+2) began at 01:00 UTC on Sunday 29 March 2026: 22:30 UTC is 00:30 on the 30th.
        { new DateTimeOffset(2026, 3, 29, 22, 30, 0, TimeSpan.Zero), new DateOnly(2026, 3, 30) },
        { new DateTimeOffset(2026, 11, 26, 22, 59, 0, TimeSpan.Zero), new DateOnly(2026, 11, 26) },
        { new DateTimeOffset(2026, 11, 26, 23, 0, 0, TimeSpan.Zero), new DateOnly(2026, 11, 27) },
        // The same instant written with another offset is still the same business day.
        { new DateTimeOffset(2026, 11, 26, 18, 0, 0, TimeSpan.FromHours(-5)), new DateOnly(2026, 11, 27) },
    };

    [Theory]
    [MemberData(nameof(BusinessDays))]
    public void The_business_day_follows_the_store_clock(DateTimeOffset instant, DateOnly day) =>
        Assert.Equal(day, ADanishStore().BusinessDayOf(instant));

    [Fact]
    public void Local_time_is_the_store_clock_with_its_offset()
    {
        var local = ADanishStore().LocalTime(new DateTimeOffset(2026, 11, 26, 22, 59, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 23, 59, 0, TimeSpan.FromHours(1)), local);
        Assert.Equal(TimeSpan.FromHours(1), local.Offset);
    }

    [Fact]
    public void The_same_instant_is_another_business_day_in_another_time_zone()
    {
        var helsinki = new Store(Guid.CreateVersion7(), "Kauppa", "Mannerheimintie 1", "1234567-8", "FI", "EUR", "Europe/Helsinki");
        var instant = new DateTimeOffset(2026, 11, 26, 22, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 11, 27), helsinki.BusinessDayOf(instant));
        Assert.Equal(new DateOnly(2026, 11, 26), ADanishStore().BusinessDayOf(instant));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    public void An_unknown_time_zone_is_refused(string timeZone) =>
        Refused.With("store.time-zone", () => _ = new Store(Guid.CreateVersion7(), "Købmand Hansen", "Nørregade 1", "12345678", "DK", "DKK", timeZone));

    [Fact]
    public void A_Danish_store_charges_25_or_0_percent()
    {
        var store = ADanishStore();

        Assert.Equal(["S", "Z"], store.VatRates.Select(r => r.Code));
        Assert.Equal("S", store.VatRateFor(25m).Code);
        Assert.Equal("Z", store.VatRateFor(0m).Code);
    }

    [Fact]
    public void A_rate_the_store_does_not_charge_is_refused()
    {
        var error = Refused.With("store.vat-rate-unknown", () => ADanishStore().VatRateFor(12.5m));

        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Contains("12.5 %", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Danish_store_rounds_cash_to_the_half_krone_and_reads_Danish_scale_labels()
    {
        var store = ADanishStore();

        Assert.Equal(0.50m, store.CashRoundingIncrement);
        Assert.Equivalent(Kasse.Domain.Catalog.VariableMeasureTable.Denmark.Rules.OrderBy(r => r.Prefix),
            store.VariableMeasureCodes.Rules.OrderBy(r => r.Prefix), strict: true);
    }

    [Fact]
    public void A_store_may_turn_cash_rounding_off()
    {
        var store = new Store(Guid.CreateVersion7(), "Café", "Åboulevarden 2", "12345678", "DK", "DKK", "Europe/Copenhagen", cashRoundingIncrement: 0m);

        Assert.Equal(0m, store.CashRoundingIncrement);
    }

    [Fact]
    public void Country_and_currency_codes_are_kept_upper_case()
    {
        var store = new Store(Guid.CreateVersion7(), "Købmand Hansen", "Nørregade 1", "12345678", " dk ", "dkk", "Europe/Copenhagen");

        Assert.Equal(("DK", "DKK"), (store.CountryCode, store.Currency));
    }

    [Theory]
    [InlineData("DNK", "DKK", "store.country")]
    [InlineData("D1", "DKK", "store.country")]
    [InlineData("DK", "KR", "store.currency")]
    public void Country_and_currency_are_ISO_codes(string country, string currency, string code) =>
        Refused.With(code, () => _ = new Store(Guid.CreateVersion7(), "Købmand Hansen", "Nørregade 1", "12345678", country, currency, "Europe/Copenhagen"));

    [Fact]
    public void A_store_needs_a_name() =>
        Refused.With("store.name", () => _ = new Store(Guid.CreateVersion7(), "  ", "Nørregade 1", "12345678", "DK", "DKK", "Europe/Copenhagen"));
}
