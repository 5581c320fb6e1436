using Kasse.Application.Catalog;
using Kasse.Application.Sales;
using Kasse.Application.Staff;
using Kasse.Application.Stores;
using Kasse.Domain;
using Kasse.Domain.Catalog;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Kasse.Server.Ui.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Kasse.Server.Ui.Till;

/// <summary>
/// Returns at the till: find the original sale (receipt number, the receipt's code, or date and amount), pick its
/// lines and refund to the tender it was paid with; or, without a receipt, list the products and get a
/// supervisor's PIN when the cashier's role may not do that alone.
/// </summary>
public sealed partial class ReturnsDialog
{
    [Parameter, EditorRequired] public StoreView Store { get; set; } = null!;
    [Parameter] public Guid RegisterId { get; set; }
    [Parameter] public Guid CashierId { get; set; }
    [Parameter] public EventCallback<SaleView> OnReturned { get; set; }
    [Parameter] public EventCallback OnClose { get; set; }

    private sealed record ReturnItem(ProductView Product, string? Barcode, decimal Quantity);

    private bool _withReceipt = true;
    private string _number = "";
    private string _code = "";
    private DateOnly? _date;
    private string _amount = "";
    private List<SaleView>? _matches;
    private SaleView? _original;
    private readonly Dictionary<Guid, decimal> _picked = [];
    private string _reason = "";
    private string? _error;
    private bool _busy;
    private ElementReference _first;

    private string _productQuery = "";
    private IReadOnlyList<ProductView> _found = [];
    private readonly List<ReturnItem> _items = [];
    private PaymentMethod _refundMethod = PaymentMethod.Cash;
    private IReadOnlyList<EmployeeView> _approvers = [];
    private Guid? _approverId;
    private string _approverPin = "";

    // The id is chosen once per dialog, so a double tap on "refund" returns once.
    private readonly Guid _returnId = Guid.CreateVersion7();

    protected override async Task OnInitializedAsync() =>
        _approvers = (await Backend.Call<EmployeeService, IReadOnlyList<EmployeeView>>(
            e => e.ListAllowedToAsync(Permission.RefundWithoutReceipt, CancellationToken.None))).ToList();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
            await _first.FocusAsync();
    }

    /// <summary>A scan while the dialog is open: a product for a return without a receipt, otherwise a receipt number.</summary>
    public async Task ScannedAsync(string code)
    {
        if (_withReceipt)
        {
            _code = code;
            await FindByCodeAsync();
        }
        else
        {
            _productQuery = code;
            await SearchProductsAsync();
            if (_found.Count == 1)
                AddProduct(_found[0], code);
        }
    }

    private static async Task EnterAsync(KeyboardEventArgs e, Func<Task> action)
    {
        if (e.Key == "Enter")
            await action();
    }

    private Task FindAsync() =>
        !string.IsNullOrWhiteSpace(_code) ? FindByCodeAsync()
        : !string.IsNullOrWhiteSpace(_number) ? FindByNumberAsync()
        : FindByDateAsync();

    private async Task FindByNumberAsync()
    {
        if (!long.TryParse(_number.Trim(), out var number))
        {
            _error = L["Receipt number"] + "?";
            return;
        }
        await ShowAsync(s => s.FindByReceiptAsync(RegisterId, number, CancellationToken.None));
    }

    /// <summary>The receipt's code is its QR link (…/receipt/{id}), the id alone, or a receipt number of this register.</summary>
    private async Task FindByCodeAsync()
    {
        var code = _code.Trim().TrimEnd('/');
        var last = code[(code.LastIndexOf('/') + 1)..];
        if (Guid.TryParse(last, out var saleId))
            await ShowAsync(s => s.GetAsync(saleId, CancellationToken.None));
        else if (long.TryParse(last, out var number))
            await ShowAsync(s => s.FindByReceiptAsync(RegisterId, number, CancellationToken.None));
        else
            _error = L["No receipt matches."];
    }

    private async Task FindByDateAsync()
    {
        var amount = Formats.ParseAmount(_amount);
        if (_date is null && amount is null)
        {
            _error = L["Date"] + " / " + L["Amount"] + "?";
            return;
        }
        var date = _date;
        var recent = await Backend.Call<SalesService, IReadOnlyList<SaleView>>(s => s.ListAsync(Store.Id, SaleStatus.Completed, 500, CancellationToken.None));
        _matches = recent.Where(s => s.Kind == SaleKind.Sale && (date is null || s.BusinessDay == date) && (amount is null || s.TotalAmount == amount)).ToList();
        _error = _matches.Count == 0 ? L["No receipt matches."] : null;
        if (_matches.Count == 1)
            Choose(_matches[0]);
    }

    private async Task ShowAsync(Func<SalesService, Task<SaleView>> find)
    {
        try
        {
            var sale = await Backend.Call(find);
            if (sale.Kind != SaleKind.Sale || sale.Status != SaleStatus.Completed)
            {
                _error = L["No receipt matches."];
                return;
            }
            Choose(sale);
        }
        catch (DomainException)
        {
            _error = L["No receipt matches."];
        }
    }

    private void Choose(SaleView sale)
    {
        _original = sale;
        _matches = null;
        _picked.Clear();
        _error = null;
    }

    private decimal Picked(SaleLineView line) => _picked.GetValueOrDefault(line.Id);

    private void Pick(SaleLineView line, int by)
    {
        var step = line.Unit == Unit.Piece ? 1m : line.Quantity;
        _picked[line.Id] = Math.Clamp(Picked(line) + by * step, 0m, line.Quantity);
    }

    private decimal RefundEstimate => _original?.Lines.Sum(l => l.Quantity == 0m ? 0m : l.TotalAmount * Picked(l) / l.Quantity) ?? 0m;

    private async Task RefundWithReceiptAsync()
    {
        if (_original is null)
            return;
        var lines = _picked.Where(p => p.Value > 0m).Select(p => new ReturnLineRequest(p.Key, p.Value)).ToList();
        var reason = string.IsNullOrWhiteSpace(_reason) ? null : _reason.Trim();
        await CreateAsync(new CreateReturn(_returnId, RegisterId, CashierId, _original.Id, lines, Reason: reason));
    }

    private async Task SearchProductsAsync()
    {
        var query = _productQuery;
        _found = string.IsNullOrWhiteSpace(query) ? []
            : (await Backend.Call<CatalogService, ProductPage>(c => c.SearchAsync(query, null, 0, 12, CancellationToken.None))).Items;
        _error = _found.Count == 0 && !string.IsNullOrWhiteSpace(query) ? L["No products match."] : null;
    }

    private void AddProduct(ProductView product, string? barcode)
    {
        var existing = _items.FindIndex(i => i.Product.Id == product.Id && product.Unit == Unit.Piece);
        if (existing >= 0)
            _items[existing] = _items[existing] with { Quantity = _items[existing].Quantity + 1m };
        else
            _items.Add(new ReturnItem(product, barcode, 1m));
    }

    private async Task RefundWithoutReceiptAsync()
    {
        var products = _items.Select(i => new UnreceiptedReturnLine(ProductId: i.Product.Id, Quantity: i.Quantity)).ToList();
        var approval = _approverId is { } approver && _approverPin.Length > 0 ? new Approval(approver, _approverPin) : null;
        var reason = string.IsNullOrWhiteSpace(_reason) ? null : _reason.Trim();
        await CreateAsync(new CreateReturn(_returnId, RegisterId, CashierId, Products: products, RefundMethod: _refundMethod, Reason: reason, Approval: approval));
    }

    private async Task CreateAsync(CreateReturn command)
    {
        if (_busy)
            return;
        _busy = true;
        try
        {
            var returned = await Backend.Call<ReturnUseCases, SaleView>(r => r.CreateAsync(command, CancellationToken.None));
            await OnReturned.InvokeAsync(returned);
        }
        catch (DomainException e)
        {
            _error = L.Error(e);
        }
        finally
        {
            _busy = false;
        }
    }
}
