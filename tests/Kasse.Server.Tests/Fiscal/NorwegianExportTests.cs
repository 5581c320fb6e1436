using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml.Linq;
using Kasse.Application.CashControl;
using Kasse.Application.Fiscal.SaftExport;
using Kasse.Application.Sales;
using Kasse.Data;
using Kasse.Domain.CashControl;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.CashControl;
using Kasse.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kasse.Server.Api.FiscalEndpoints;

namespace Kasse.Server.Tests.Fiscal;

/// <summary>A shop in Norway: its sales carry the Norwegian signature too, and its file follows Skatteetaten's schema.</summary>
public abstract class NorwegianExportTests(KasseServer server) : IDisposable
{
    private static readonly XNamespace No = "urn:StandardAuditFile-Taxation-CashRegister:NO";
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    private readonly KasseClient _api = server.Client();
    private readonly string _folder = Directory.CreateTempSubdirectory("kasse-saft-no-").FullName;

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private static string Text(XElement parent, string name) => parent.Element(No + name)!.Value;

    private async Task<Shop> NorwegianShopAsync() =>
        await _api.NewShopAsync("NO", "Europe/Oslo", companyId: (900_000_000 + server.NextNumber() % 99_999_999).ToString(CultureInfo.InvariantCulture), currency: "NOK");

    private async Task<RSA> PublicKeyAsync(string keyVersion)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
        var certificate = await db.SigningKeys.Where(k => k.KeyVersion == keyVersion).Select(k => k.Certificate).SingleAsync();
        using var x509 = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(certificate));
        return x509.GetRSAPublicKey()!;
    }

    [Fact]
    public async Task A_norwegian_shop_exports_a_file_valid_against_the_norwegian_schema_whose_sha1_signatures_verify_from_its_fields()
    {
        var shop = await NorwegianShopAsync();
        var bread = await _api.NewProductAsync(39.90m, vat: 15m, name: "Grovbrød");
        var paper = await _api.NewProductAsync(45.00m, vat: 0m, name: "Avis");
        var register2 = await _api.NewRegisterAsync(shop.Store.Id, "Kasse 2");
        await _api.OpenSessionAsync(shop, 1000m);
        var cash = await _api.SellAsync(shop, PaymentMethod.Cash, (bread, 1m), (paper, 1m));
        var card = await _api.SellAsync(shop, PaymentMethod.Card, (bread, 2m));
        var returned = await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, card.Id,
            [new ReturnLineRequest(card.Lines[0].Id, 1m)]));
        var other = await KasseClient.Read<SaleView>(await _api.PostAsync("/api/v1/sales", new OpenSale(Guid.CreateVersion7(), register2.Id, shop.CashierId)));
        await _api.AddProductAsync(other.Id, paper.Id);
        await _api.PayAsync(other.Id, PaymentMethod.MobilePay);
        other = await _api.CompleteAsync(other.Id);
        var session = await KasseClient.Read<SessionView>(await _api.Http.GetAsync($"/api/v1/registers/{shop.Register.Id}/sessions/current"));
        await _api.CountAsync(shop, session.Id, 1080.00m);
        var z = await _api.ZReportAsync(shop);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(server.Clock.GetUtcNow(), Oslo).DateTime);

        var response = await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/exports/saf-t?from={today.AddDays(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}&country=NO");
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.True(response.IsSuccessStatusCode, Encoding.UTF8.GetString(body));
        SaftSchema.AssertValid(body, SaftSchema.NorwegianSchema);
        var file = XDocument.Load(new MemoryStream(body)).Root!;
        Assert.Equal(No, file.Name.Namespace);
        Assert.Equal("1.00", Text(file.Element(No + "header")!, "auditfileVersion"));
        var company = file.Element(No + "company")!;
        Assert.Equal(shop.Store.CompanyId, Text(company, "companyIdent"));
        Assert.Equal(shop.Store.CompanyId + "MVA", Text(company, "taxRegIdent"));
        // Skatteetaten's standard tax codes: 3 general rate, 31 food (15 %), 33 low rate (12 %), 5 exempt.
        Assert.Equal([("L", "33"), ("R", "31"), ("S", "3"), ("Z", "5")], company.Element(No + "vatCodeDetails")!.Elements(No + "vatCodeDetail")
            .Select(v => (Text(v, "vatCode"), Text(v, "standardVatCode"))).Order());
        var registers = company.Element(No + "location")!.Elements(No + "cashregister").ToList();
        var transactions = registers.SelectMany(r => r.Elements(No + "cashtransaction")).ToList();
        Assert.Equal(new[] { cash, card, returned, other }.Select(s => s.Id.ToString("N")).Order(), transactions.Select(t => Text(t, "transID")).Order());
        Assert.DoesNotContain(file.Descendants(), e => e.Name.LocalName == "certificateData");
        Assert.Equal(z.Id.ToString("N"), Text(file.Descendants(No + "eventReport").Single(), "reportID"));

        // Each signature is RSA-SHA1 over prevSignature;transDate;transTime;nr;transAmntIn;transAmntEx, chained per till.
        foreach (var register in registers.Where(r => r.Elements(No + "cashtransaction").Any()))
        {
            var previous = "0";
            foreach (var t in register.Elements(No + "cashtransaction"))
            {
                var message = string.Join(';', previous, Text(t, "transDate"), Text(t, "transTime"), Text(t, "nr"), Text(t, "transAmntIn"), Text(t, "transAmntEx"));
                using var key = await PublicKeyAsync(Text(t, "keyVersion"));
                Assert.True(key.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(Text(t, "signature")), HashAlgorithmName.SHA1,
                    RSASignaturePadding.Pkcs1), "The Norwegian signature does not match the file's fields: " + message);
                previous = Text(t, "signature");
            }
        }
        var journal = await _api.JournalAsync(shop.Store.Id);
        Assert.Contains("SAF-T Cash Register NO 1.00", journal[^1].Payload);
        Assert.Null((await _api.Http.GetFromJsonAsync<JournalVerification>($"/api/v1/stores/{shop.Store.Id}/journal/verification", KasseClient.Json))!.FirstBreak);

        // Re-signing one sale's Norwegian signature with other content is caught by the verification.
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
            var forged = await db.Sales.Where(s => s.Id == other.Id).Select(s => s.NorwegianSignature).SingleAsync();
            await db.Database.ExecuteSqlAsync($"""UPDATE "Sales" SET "NorwegianSignature" = {forged} WHERE "Id" = {card.Id}""");
        }
        var broken = (await _api.Http.GetFromJsonAsync<JournalVerification>($"/api/v1/stores/{shop.Store.Id}/journal/verification", KasseClient.Json))!.FirstBreak;
        Assert.NotNull(broken);
        Assert.Contains("Norwegian signature", broken.Problem);
    }

    [Fact]
    public async Task The_kasse_command_writes_the_norwegian_file_and_a_danish_store_is_told_it_has_none()
    {
        var shop = await NorwegianShopAsync();
        var item = await _api.NewProductAsync(25.00m, vat: 25m);
        var sale = await _api.SellAsync(shop, PaymentMethod.Card, (item, 1m));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(sale.ClosedAt!.Value, Oslo).DateTime);

        var result = await KasseProcess.RunAsync("export", "saf-t", "--country", "NO", "--from", SaftExportRequest.Day(today.AddDays(-1)),
            "--to", SaftExportRequest.Day(today), "--store", shop.Store.Id.ToString(), "--out", _folder,
            "--database", server.Provider.ToString(), "--connection", server.Database.ConnectionString);

        Assert.True(result.ExitCode == 0, result.Error);
        var path = Assert.Single(Directory.GetFiles(_folder));
        Assert.Matches($@"^SAF-T Cash Register_{shop.Store.CompanyId}_\d{{14}}_1_1\.xml$", Path.GetFileName(path));
        var body = await File.ReadAllBytesAsync(path);
        SaftSchema.AssertValid(body, SaftSchema.NorwegianSchema);
        Assert.Contains($"<transID>{sale.Id:N}</transID>", Encoding.UTF8.GetString(body));

        var danish = await _api.NewShopAsync();
        await KasseClient.Problem(await _api.Http.GetAsync($"/api/v1/stores/{danish.Store.Id}/exports/saf-t?from=2026-02-01&to=2026-02-02&country=NO"),
            HttpStatusCode.BadRequest, "export.country");
        await KasseClient.Problem(await _api.Http.GetAsync($"/api/v1/stores/{danish.Store.Id}/exports/saf-t?from=2026-02-01&to=2026-02-02&country=SE"),
            HttpStatusCode.BadRequest, "export.country");
        await KasseClient.Problem(await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/exports/saf-t?from=2026-02-01&to=2026-02-02"),
            HttpStatusCode.BadRequest, "export.cvr");
        // A Danish shop's sales carry no Norwegian signature.
        var dkSale = await _api.SellAsync(danish, PaymentMethod.Card, (item, 1m));
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
        Assert.Null(await db.Sales.Where(s => s.Id == dkSale.Id).Select(s => s.NorwegianSignature).SingleAsync());
        Assert.NotNull(await db.Sales.Where(s => s.Id == sale.Id).Select(s => s.NorwegianSignature).SingleAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class NorwegianExportOnSqlite(SqliteServer server) : NorwegianExportTests(server);

[Collection(PostgresCollection.Name)]
public sealed class NorwegianExportOnPostgres(PostgresServer server) : NorwegianExportTests(server);
