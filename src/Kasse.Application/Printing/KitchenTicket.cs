using System.Globalization;

namespace Kasse.Application.Printing;

public sealed record KitchenTicketLine(decimal Quantity, string Name, string? Note = null);

/// <summary>An order for a kitchen or bar station: large, so it reads from across the pass.</summary>
public sealed record KitchenTicket(string Station, string? Table, DateTimeOffset LocalTime, IReadOnlyList<KitchenTicketLine> Lines)
{
    public PrintDocument ToDocument(int columns)
    {
        // Double size halves the characters per line.
        var large = new PaperColumns(columns / 2);
        large.Centre(Station.ToUpperInvariant());
        if (Table is not null)
            large.Centre("Bord " + Table);
        var body = new PaperColumns(columns);
        body.Centre(LocalTime.ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture));
        body.Rule();
        var items = new PaperColumns(columns / 2);
        foreach (var line in Lines)
        {
            items.Line(line.Quantity.ToString("0.###", CultureInfo.GetCultureInfo("da-DK")) + " x " + line.Name);
            if (line.Note is not null)
                items.Line("  " + line.Note);
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
}
