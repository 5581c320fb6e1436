using System.Globalization;
using System.Text;
using Kasse.Server.Ui.Display;
using Kasse.Server.Ui.Localization;
using Kasse.Server.Ui.Receipts;

namespace Kasse.Server.Tests.Ui;

public sealed class FormatsTests
{
    [Theory]
    [InlineData("12,50", "12.50")]
    [InlineData("12.50", "12.50")]
    [InlineData("1.234,5", "1234.5")]
    [InlineData("1,234.50", "1234.50")]
    [InlineData("200", "200")]
    [InlineData(" 89 kr. ", "89")]
    [InlineData("1.000", "1000")]
    public void An_amount_typed_with_either_decimal_mark_reads_as_the_person_meant(string typed, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), Formats.ParseAmount(typed));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("12,5x")]
    public void Something_that_is_not_an_amount_reads_as_none(string typed) => Assert.Null(Formats.ParseAmount(typed));

    [Fact]
    public void Money_is_written_the_Danish_way_in_Danish_and_the_English_way_in_English()
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = UiLanguages.Danish.Culture;
            Assert.Equal("1.234,50 kr.", Formats.Money(1234.5m));
            Assert.Equal("Betal", new UiText()["Pay"]);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = UiLanguages.English.Culture;
            Assert.Equal("DKK 1,234.50", Formats.Money(1234.5m));
            Assert.Equal("Pay", new UiText()["Pay"]);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }
}

public sealed class ReceiptMailerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kasse_outbox_" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("kunde@example.dk", true)]
    [InlineData("  kunde@example.dk ", true)]
    [InlineData("kunde@example", false)]
    [InlineData("kunde example.dk", false)]
    [InlineData("Kunde <kunde@example.dk>", false)]
    [InlineData("", false)]
    public void Only_a_plain_address_is_taken(string typed, bool valid) =>
        Assert.Equal(valid, ReceiptMailSettings.ValidAddress(typed) is not null);

    [Fact]
    public async Task The_folder_sender_writes_one_complete_message_with_the_receipt_in_UTF8()
    {
        var mailer = new FolderReceiptMailer(new ReceiptMailSettings(_folder, "bon@butik.dk"), TimeProvider.System);

        await mailer.SendAsync(new ReceiptMail("kunde@example.dk", "Købmand Hansen", 42, "Rugbrød  28,95", new Uri("http://127.0.0.1/receipt/x")),
            TestContext.Current.CancellationToken);

        var file = Assert.Single(Directory.GetFiles(_folder));
        Assert.EndsWith(".eml", file);
        var message = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        Assert.Contains("From: bon@butik.dk\r\n", message);
        Assert.Contains("To: kunde@example.dk\r\n", message);
        Assert.Contains("Subject: =?utf-8?B?", message);
        var body = Encoding.UTF8.GetString(Convert.FromBase64String(message[(message.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..].Trim()));
        Assert.Contains("Rugbrød  28,95", body);
        Assert.Contains("http://127.0.0.1/receipt/x", body);
    }

    [Fact]
    public async Task The_folder_sender_refuses_what_is_not_an_address()
    {
        var mailer = new FolderReceiptMailer(new ReceiptMailSettings(_folder, "bon@butik.dk"), TimeProvider.System);
        await Assert.ThrowsAsync<ArgumentException>(() =>
            mailer.SendAsync(new ReceiptMail("ikke en adresse", "Butik", 1, "x", null), TestContext.Current.CancellationToken));
        Assert.False(Directory.Exists(_folder) && Directory.EnumerateFiles(_folder).Any());
    }
}

public sealed class CustomerDisplayHubTests
{
    [Fact]
    public void A_display_gets_its_own_registers_changes_until_it_stops_listening_and_a_late_one_starts_from_the_latest()
    {
        var hub = new CustomerDisplayHub();
        var register = Guid.NewGuid();
        var other = Guid.NewGuid();
        var (first, second, late) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var seen = new List<DisplayState>();
        var subscription = hub.Subscribe(register, seen.Add);

        hub.Publish(register, DisplayState.Idle(first));
        hub.Publish(other, DisplayState.Idle(second));
        subscription.Dispose();
        hub.Publish(register, DisplayState.Idle(late));

        Assert.Equal([first], seen.Select(s => s.SaleId));
        Assert.Equal(late, hub.Latest(register)?.SaleId);
        Assert.Equal(second, hub.Latest(other)?.SaleId);
    }

    [Fact]
    public void Older_news_of_the_sale_on_screen_is_ignored_when_two_commits_notices_cross()
    {
        var hub = new CustomerDisplayHub();
        var register = Guid.NewGuid();
        var sale = Guid.NewGuid();
        static DisplayState Selling(Guid saleId, long version, decimal total) =>
            new(DisplayPhase.Selling, "DKK", [new DisplayLine("Kaffe", 1m, null, total, 0m)], 0m, total, 0m, total, total, 0m, 0m, 0m, saleId, version);

        hub.Show(register, Selling(sale, 7, 40m));
        hub.Show(register, DisplayState.Idle(sale, 8)); // parked
        hub.Show(register, Selling(sale, 6, 20m));      // a notice of an earlier change, late

        Assert.Equal((DisplayPhase.Idle, 8L), (hub.Latest(register)!.Phase, hub.Latest(register)!.Version));
    }

    [Fact]
    public void A_return_done_during_a_sale_shows_its_thank_you_then_the_sale_comes_back_unless_it_was_parked_meanwhile()
    {
        var hub = new CustomerDisplayHub();
        var register = Guid.NewGuid();
        var (sale, firstReturn, secondReturn) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        static DisplayState Picture(DisplayPhase phase, Guid saleId, long version, decimal total) =>
            new(phase, "DKK", [new DisplayLine("Kaffe", 1m, null, total, 0m)], 0m, total, 0m, total, total, 0m, 0m, 0m, saleId, version);

        hub.Show(register, Picture(DisplayPhase.Selling, sale, 3, 40m));
        hub.Show(register, Picture(DisplayPhase.Done, firstReturn, 1, -20m));
        Assert.Equal(firstReturn, hub.Latest(register)!.SaleId);
        hub.Finished(register, firstReturn);
        Assert.Equal((DisplayPhase.Selling, sale, 40m), (hub.Latest(register)!.Phase, hub.Latest(register)!.SaleId, hub.Latest(register)!.Total));

        hub.Show(register, Picture(DisplayPhase.Done, secondReturn, 1, -20m));
        hub.Show(register, DisplayState.Idle(sale, 4)); // the sale is parked while the return's thank-you shows
        Assert.Equal(secondReturn, hub.Latest(register)!.SaleId);
        hub.Finished(register, secondReturn);
        Assert.Equal(DisplayPhase.Idle, hub.Latest(register)!.Phase);
    }
}
