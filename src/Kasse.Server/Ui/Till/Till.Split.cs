using Kasse.Application.Sales;
using Kasse.Domain;

namespace Kasse.Server.Ui.Till;

/// <summary>The till's side of splitting the bill: a line's seat, the Split dialog, and opening one of the parts to pay it.</summary>
public sealed partial class Till
{
    /// <summary>How many seats a table's sale offers its lines: its guests (at least one), else the table's own seats aren't known here.</summary>
    private int SeatsOfSale => Math.Max(1, _sale?.Covers ?? 4);

    private bool CanSplit => _sale is { TableId: not null } or { TabName: not null } && HasLines && _sale.Payments.Count == 0;

    private Task<bool> SetSeatAsync(SaleLineView line, int? seat) =>
        ChangeSaleAsync(s => s.SetLineSeatAsync(_sale!.Id, line.Id, new SetLineSeat(seat), CancellationToken.None));

    /// <summary>A part of the split bill taken up in the till (the others stay open on the table), ready to pay.</summary>
    private async Task OpenPartAsync(Guid saleId)
    {
        try
        {
            var part = await Backend.Call<SaleUseCases, SaleView?>(s => s.TakeUpAsync(saleId, RegisterId, CancellationToken.None));
            _dialog = TillDialog.None;
            if (part is not null)
                SaleChanged(part);
        }
        catch (DomainException e)
        {
            Toast(L.Error(e), error: true);
        }
    }
}
