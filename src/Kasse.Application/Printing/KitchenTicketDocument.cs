using System.Globalization;
using Kasse.Application.Restaurant;
using Kasse.Domain.Restaurant;

namespace Kasse.Application.Printing;

/// <summary>A kitchen ticket on paper: large, so it reads from across the pass; changes and voids stand out as such.</summary>
public static class KitchenTicketDocument
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static PrintDocument For(KitchenTicketView ticket, DateTimeOffset localFiredAt, int columns, bool reprint = false)
    {
        // Double size halves the characters per line.
        var large = new PaperColumns(columns / 2);
        large.Centre(ticket.StationName.ToUpperInvariant());
        if (ticket.TableName is not null)
            large.Centre("Bord " + ticket.TableName);
        else if (ticket.TabName is not null)
            large.Centre(ticket.TabName);
        if (ticket.OrderNumber is { } orderNumber)
            large.Centre("ORDRE " + orderNumber.ToString(CultureInfo.InvariantCulture));
        large.Centre("Ret " + ticket.Course.ToString(CultureInfo.InvariantCulture));
        if (ticket.OrderType is { } orderType)
            large.Centre(Kasse.Application.Sales.ReceiptText.OrderTypeName(orderType).ToUpperInvariant());
        var body = new PaperColumns(columns);
        if (reprint)
            body.Centre("GENUDSKRIFT / REPRINT");
        body.Centre(localFiredAt.ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture));
        if (ticket.WaiterName is not null || ticket.Covers is not null)
            body.Centre(string.Join(" · ", new[] { ticket.WaiterName, ticket.Covers is { } c ? c.ToString(CultureInfo.InvariantCulture) + " gæster" : null }
                .Where(x => x is not null)));
        body.Rule();
        var items = new PaperColumns(columns / 2);
        foreach (var item in ticket.Items)
        {
            items.Line(item.Change switch
            {
                KitchenItemChange.Voided => "ANNULLER " + Quantity(item.QuantityBefore) + " x " + item.Name,
                KitchenItemChange.Changed => "ÆNDRET " + Quantity(item.QuantityBefore) + " -> " + Quantity(item.Quantity) + " x " + item.Name,
                _ => Quantity(item.Quantity) + " x " + item.Name,
            });
            foreach (var modifier in item.Modifiers)
                items.Line("  + " + modifier);
            if (item.Note is not null)
                items.Line("  " + item.Note);
            if (item.Allergens.Count > 0)
                items.Line("  ! " + string.Join(", ", item.Allergens));
        }
        return new PrintDocument(
        [
            new TextBlock(large.ToString(), Bold: true, Large: true),
            new TextBlock(body.ToString()),
            new TextBlock(items.ToString(), Large: true),
            new FeedBlock(3),
            new CutBlock(),
        ]);
    }

    private static string Quantity(decimal quantity) => quantity.ToString("0.###", Danish);
}
