using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Kasse.Application.Sales;
using Kasse.Domain.Catalog;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Money;
using Kasse.Domain.Sales;
using Kasse.Domain.Stores;

namespace Kasse.Bench.Micro;

/// <summary>What runs on the till's path for every scan and every completed sale, without the database or HTTP.</summary>
[MemoryDiagnoser]
public class TillBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 15, 0, TimeSpan.Zero);
    private Store _store = null!;
    private Sale _sale = null!;
    private ReceiptView _receipt = null!;
    private RSA _key = null!;
    private (decimal Gross, decimal Percent)[] _lines = [];

    [GlobalSetup]
    public void Setup()
    {
        _store = new Store(Guid.CreateVersion7(), "Bench Købmand", "Benchvej 1, 8000 Aarhus C", "DK12345678", "DK", "DKK", "Europe/Copenhagen");
        var register = new Register(Guid.CreateVersion7(), _store.Id, "Kasse 1");
        _sale = Sale.Open(Guid.CreateVersion7(), _store, register, null, Now);
        for (var i = 0; i < 20; i++)
        {
            var product = new Product(Guid.CreateVersion7(), $"B{i:D7}", $"Rødgrød med fløde nr. {i}", 12.95m + i, i % 4 == 0 ? 0m : 25m, Unit.Piece, null, null);
            _sale.AddProductLine(Guid.CreateVersion7(), product, _store.VatRateFor(product.VatPercent), 1 + (i % 3), null);
        }
        _sale.AddPayment(Guid.CreateVersion7(), PaymentMethod.Card, null, null, null, Now);
        _sale.Complete(1, Now, _store.BusinessDayOf(Now));
        _lines = _sale.Lines.Select(l => (l.TotalAmount, l.VatPercent)).ToArray();
        var view = SaleView.From(_sale);
        _receipt = new ReceiptView(_store.Name, _store.Address, _store.CompanyId, register.Name, "Bente", _sale.Kind, 1, Now, "DKK", view.Lines,
            view.DiscountTotal, view.TotalAmount, view.CashRounding, view.Vat, view.Payments, view.ChangeGiven, null, false, null, _sale.Id, register.Id);
        _key = RSA.Create(2048);
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark]
    public ScannedCode ReadEan13() => ScannedCode.Parse("5701234567899", _store.VariableMeasureCodes);

    [Benchmark]
    public ScannedCode ReadWeightLabel() => ScannedCode.Parse("2312345004123", _store.VariableMeasureCodes);

    [Benchmark]
    public IReadOnlyList<VatAmount> VatOf20Lines() => VatBreakdown.Of(_lines);

    [Benchmark]
    public byte[] SignSale() =>
        _key.SignData(Encoding.UTF8.GetBytes(DanishSignature.Message(DanishSignature.FirstPrevious, 1, _sale, Now, _store.CompanyId)),
            HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1);

    [Benchmark]
    public string RenderReceipt() => ReceiptText.Render(_receipt);
}
