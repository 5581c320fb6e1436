using Kasse.Domain.Money;
using Kasse.Domain.Staff;
using Kasse.Domain.Stores;
using static Kasse.Domain.Tests.Shop;

namespace Kasse.Domain.Tests;

public class StoreSettingsTests
{
    [Fact]
    public void Receipt_texts_keep_their_lines_trimmed_and_drop_blank_edges()
    {
        var store = ADanishStore();

        store.SetReceiptTexts("\r\n  Åbent 8–21 \r\n www.butik.dk\n\n", "   ");

        Assert.Equal("Åbent 8–21\nwww.butik.dk", store.ReceiptHeader);
        Assert.Null(store.ReceiptFooter);
    }

    [Fact]
    public void A_receipt_text_longer_than_the_paper_allows_is_refused()
    {
        var store = ADanishStore();

        Refused.With("store.receipt-header", () => store.SetReceiptTexts(string.Join('\n', Enumerable.Repeat("linje", ReceiptTexts.MaxLines + 1)), null));
        Refused.With("store.receipt-footer", () => store.SetReceiptTexts(null, new string('x', ReceiptTexts.MaxLength + 1)));
        Refused.With("store.receipt-footer", () => store.SetReceiptTexts(null, "Tak\tfor besøget"));
    }

    [Fact]
    public void Changing_the_VAT_rates_keeps_a_code_s_row_and_adds_and_removes_the_others()
    {
        var store = ADanishStore();
        var standard = store.VatRates.Single(r => r.Code == "S");

        store.SetVatRates([new VatRate("S", 25m, "Moms 25 % (standard)"), new VatRate("R", 12.5m, "Nedsat")]);

        Assert.Same(standard, store.VatRates.Single(r => r.Code == "S"));
        Assert.Equal("Moms 25 % (standard)", standard.Description);
        Assert.Equal(["R", "S"], store.VatRates.Select(r => r.Code).Order(StringComparer.Ordinal));
        Assert.Equal(12.5m, store.VatRateFor(12.5m).Percent);
    }

    [Fact]
    public void A_store_keeps_at_least_one_VAT_rate_and_never_lists_one_twice()
    {
        var store = ADanishStore();

        Refused.With("store.vat-rates", () => store.SetVatRates([]));
        Refused.With("store.vat-rate-duplicate", () => store.SetVatRates([new VatRate("S", 25m, ""), new VatRate("T", 25m, "")]));
        Refused.With("vat.percent", () => store.SetVatRates([new VatRate("S", 100m, "")]));
    }

    [Theory]
    [InlineData("en", "en")]
    [InlineData(" DA ", "da")]
    public void The_store_and_each_person_speak_Danish_or_English(string code, string stored)
    {
        var store = ADanishStore();
        var employee = new Employee(Guid.CreateVersion7(), "Mette", nameof(Role.Cashier), "hash");

        store.SetLanguage(code);
        employee.SetLanguage(code);

        Assert.Equal((stored, stored), (store.Language, employee.Language));
        Refused.With("store.language", () => store.SetLanguage("de"));
        Refused.With("employee.language", () => employee.SetLanguage(""));
    }

    [Fact]
    public void Money_settings_take_a_currency_code_and_a_whole_øre_rounding()
    {
        var store = ADanishStore();

        store.SetMoney("eur", 0m);

        Assert.Equal(("EUR", 0m), (store.Currency, store.CashRoundingIncrement));
        Refused.With("store.currency", () => store.SetMoney("kroner", 0.5m));
        Refused.With("cash-rounding.increment", () => store.SetMoney("DKK", 0.333m));
    }

    [Fact]
    public void A_manager_renames_an_employee_changes_the_role_and_takes_away_their_access()
    {
        var employee = new Employee(Guid.CreateVersion7(), "Ole", nameof(Role.Cashier), "hash", Languages.English);

        employee.Rename(" Ole Hansen ");
        employee.ChangeRole(nameof(Role.Supervisor));
        employee.SetActive(false);

        Assert.Equal(("Ole Hansen", nameof(Role.Supervisor), false, "en"), (employee.Name, employee.Role, employee.IsActive, employee.Language));
        Refused.With("role.name", () => employee.ChangeRole(""));
    }
}
