using System.Net;
using Kasse.Application.Catalog;
using Kasse.Domain.Catalog;
using Kasse.Server.Tests.Api;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Sales;

/// <summary>GS1-128 and GS1 DataMatrix labels as a keyboard-wedge scanner types them: symbology prefix, AIs, FNC1 as GS.</summary>
public abstract class Gs1ScanTests(KasseServer server)
{
    private const char Gs = Gs1ElementString.GroupSeparator;
    private readonly KasseClient _api = server.Client();

    [Fact]
    public async Task A_GS1_128_weight_label_adds_the_product_with_that_weight_at_its_kilo_price()
    {
        var shop = await _api.NewShopAsync();
        var ean = _api.NewEan13();
        var salmon = await _api.NewProductAsync(199.00m, unit: Unit.Kilogram, name: "Røget laks", barcodes: ean);
        var sale = await _api.OpenSaleAsync(shop);

        // (01) GTIN-14 of the EAN, (3103) 0.734 kg, (15) best before 31-12-2026.
        sale = await _api.ScanAsync(sale.Id, "]C1" + "010" + ean + "3103000734" + "15261231");

        var line = Assert.Single(sale.Lines);
        Assert.Equal(salmon.Id, line.ProductId);
        Assert.Equal(0.734m, line.Quantity);
        Assert.Equal(Unit.Kilogram, line.Unit);
        Assert.Equal(146.07m, line.GrossAmount); // 0.734 × 199.00 = 146.066
        Assert.Equal(ean, line.Barcode);
    }

    [Fact]
    public async Task A_DataMatrix_label_with_batch_and_a_printed_price_charges_that_price()
    {
        var shop = await _api.NewShopAsync();
        var ean = _api.NewEan13();
        var cheese = await _api.NewProductAsync(129.00m, unit: Unit.Kilogram, name: "Gammel Knas", barcodes: ean);
        var sale = await _api.OpenSaleAsync(shop);

        sale = await _api.ScanAsync(sale.Id, "]d2" + "010" + ean + "10" + "L2611" + Gs + "3922" + "4650" + Gs + "17" + "270115");
        var check = await KasseClient.Read<BarcodeLookup>(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/price-checks",
            new { barcode = "(01)0" + ean + "(3103)000500" }));

        var line = Assert.Single(sale.Lines);
        Assert.Equal(cheese.Id, line.ProductId);
        Assert.Equal(46.50m, line.GrossAmount);
        Assert.Equal(1m, line.Quantity);
        Assert.Equal((VariableMeasureKind?)VariableMeasureKind.Weight, check.EmbeddedKind);
        Assert.Equal(0.500m, check.EmbeddedValue);
    }

    [Fact]
    public async Task A_GS1_label_that_cannot_be_read_is_refused_with_the_reason_and_changes_nothing()
    {
        var shop = await _api.NewShopAsync();
        var ean = _api.NewEan13();
        await _api.NewProductAsync(10m, unit: Unit.Kilogram, barcodes: ean);
        var sale = await _api.OpenSaleAsync(shop);

        await Refusal.Expect(await _api.TryScanAsync(sale.Id, "]C1" + "010" + ean + "310300"), HttpStatusCode.BadRequest, "barcode.gs1");
        await Refusal.Expect(await _api.TryScanAsync(sale.Id, "]C1" + "3103000500"), HttpStatusCode.BadRequest, "barcode.gs1-no-gtin");
        await Refusal.Expect(await _api.TryScanAsync(sale.Id, "]C1" + "0105701234567899" + "3103000500"), HttpStatusCode.NotFound, "barcode.unknown");

        Assert.Empty((await _api.GetSaleAsync(sale.Id)).Lines);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Gs1ScansOnSqlite(SqliteServer server) : Gs1ScanTests(server);

[Collection(PostgresCollection.Name)]
public sealed class Gs1ScansOnPostgres(PostgresServer server) : Gs1ScanTests(server);
