namespace Kasse.Domain.Restaurant;

public enum KitchenTicketStatus
{
    /// <summary>Sent but its course is not fired yet: the station sees it greyed, nothing is printed.</summary>
    Held,
    /// <summary>Fired: the station makes it.</summary>
    Open,
    /// <summary>Done and off the screen (bumped); recall brings it back.</summary>
    Bumped,
    /// <summary>
    /// Not for a station: the record that lines already fired moved to another sale (or to a part of a split bill), so each
    /// sale knows what the kitchen was told of its lines. Never on a screen or printed.
    /// </summary>
    Moved,
}

/// <summary>What an item of a ticket tells the station: something new, a changed quantity, or a line taken back.</summary>
public enum KitchenItemChange
{
    New,
    Changed,
    Voided,
}

/// <summary>
/// What one send of a sale asked one station to make for one course: a snapshot (names, quantities, modifiers, note and
/// allergens as they were sent), never changed by later edits of the sale — those come as change and void items of a
/// later ticket. Only its state (held, open, bumped, items done) moves.
/// </summary>
public sealed class KitchenTicket
{
    public const int MaxTextLength = 60;

    private readonly List<KitchenTicketItem> _items = [];

    private KitchenTicket() { StationName = ""; }

    public KitchenTicket(Guid id, Guid storeId, KitchenStation station, Guid saleId, Guid sendId, int course, bool held,
        string? tableName, string? tabName, int? covers, string? waiterName, DateTimeOffset at)
    {
        Id = id;
        StoreId = storeId;
        StationId = station.Id;
        StationName = station.Name;
        SaleId = saleId;
        SendId = sendId;
        Course = Courses.Check(course);
        TableName = tableName;
        TabName = Cut(tabName);
        Covers = covers;
        WaiterName = Cut(waiterName);
        SentAt = at;
        Status = held ? KitchenTicketStatus.Held : KitchenTicketStatus.Open;
        FiredAt = held ? null : at;
    }

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid StationId { get; private set; }
    public string StationName { get; private set; }
    public Guid SaleId { get; private set; }

    /// <summary>The send (or fire) that made it: the tickets of one send share it.</summary>
    public Guid SendId { get; private set; }
    public int Course { get; private set; }
    public string? TableName { get; private set; }
    public string? TabName { get; private set; }
    public int? Covers { get; private set; }
    public string? WaiterName { get; private set; }

    /// <summary>Eat-in, takeaway or delivery, as the sale said when it was sent; null for none.</summary>
    public Kasse.Domain.Sales.OrderType? OrderType { get; private set; }

    public void MarkOrderType(Kasse.Domain.Sales.OrderType? orderType) => OrderType = orderType;

    /// <summary>A self-service order's number (the kiosk's), called out when the ticket is bumped; null for other sales.</summary>
    public int? OrderNumber { get; private set; }

    public void MarkOrderNumber(int? orderNumber) => OrderNumber = orderNumber;
    public KitchenTicketStatus Status { get; private set; }
    public DateTimeOffset SentAt { get; private set; }

    /// <summary>When the station was told to make it: at once, or when its course was fired. Waiting time counts from here.</summary>
    public DateTimeOffset? FiredAt { get; private set; }
    public DateTimeOffset? BumpedAt { get; private set; }
    public IReadOnlyList<KitchenTicketItem> Items => _items;

    /// <summary>The record of fired lines moved to (or kept on) <paramref name="saleId"/>: the station, course and firing of <paramref name="sentOn"/>.</summary>
    public static KitchenTicket MovedFrom(KitchenTicket sentOn, Guid id, Guid saleId, Guid sendId, string? tableName, string? tabName, int? covers,
        DateTimeOffset at) => new()
    {
        Id = id,
        StoreId = sentOn.StoreId,
        StationId = sentOn.StationId,
        StationName = sentOn.StationName,
        SaleId = saleId,
        SendId = sendId,
        Course = sentOn.Course,
        TableName = tableName,
        TabName = Cut(tabName),
        Covers = covers,
        WaiterName = sentOn.WaiterName,
        SentAt = at,
        Status = KitchenTicketStatus.Moved,
        FiredAt = sentOn.FiredAt,
        BumpedAt = sentOn.BumpedAt,
    };

    public KitchenTicketItem Add(Guid id, Guid lineId, string name, decimal quantity, KitchenItemChange change, decimal quantityBefore,
        IReadOnlyList<string> modifiers, string? note, IReadOnlyList<string> allergens)
    {
        var item = new KitchenTicketItem(id, Id, lineId, _items.Count + 1, Cut(name) ?? "", quantity, change, quantityBefore,
            modifiers, note, allergens);
        _items.Add(item);
        return item;
    }

    /// <returns>True when it was held and now is fired.</returns>
    public bool Fire(DateTimeOffset at)
    {
        if (Status != KitchenTicketStatus.Held)
            return false;
        Status = KitchenTicketStatus.Open;
        FiredAt = at;
        return true;
    }

    public void Bump(DateTimeOffset at)
    {
        if (Status == KitchenTicketStatus.Held)
            throw DomainException.Conflict(KitchenErrors.TicketHeld, "The ticket's course is held: it is bumped after the waiter fires it and it is made.");
        if (Status == KitchenTicketStatus.Bumped)
            return;
        Status = KitchenTicketStatus.Bumped;
        BumpedAt = at;
    }

    /// <summary>
    /// The sale moved to another table or tab, or another waiter took it over: a ticket still to be made names where the
    /// food goes and whom to call now (a held course prints so when fired). A bumped ticket stays as it was made.
    /// </summary>
    /// <returns>Whether it changed.</returns>
    public bool FollowSale(string? tableName, string? tabName, int? covers, string? waiterName)
    {
        if (Status is not (KitchenTicketStatus.Held or KitchenTicketStatus.Open))
            return false;
        tabName = Cut(tabName);
        waiterName = Cut(waiterName);
        if (TableName == tableName && TabName == tabName && Covers == covers && WaiterName == waiterName)
            return false;
        TableName = tableName;
        TabName = tabName;
        Covers = covers;
        WaiterName = waiterName;
        return true;
    }

    public void Recall()
    {
        if (Status != KitchenTicketStatus.Bumped)
            return;
        Status = KitchenTicketStatus.Open;
        BumpedAt = null;
    }

    private static string? Cut(string? text) => text is null ? null : text.Length <= MaxTextLength ? text : text[..MaxTextLength];
}

/// <summary>One item of a kitchen ticket: a line of the sale as it was sent (or its change), with what the cook must know.</summary>
public sealed class KitchenTicketItem
{
    public const int MaxNoteLength = 200;
    public const int MaxListLength = 1000;

    private KitchenTicketItem() { Name = ""; }

    internal KitchenTicketItem(Guid id, Guid ticketId, Guid lineId, int position, string name, decimal quantity, KitchenItemChange change,
        decimal quantityBefore, IReadOnlyList<string> modifiers, string? note, IReadOnlyList<string> allergens)
    {
        Id = id;
        TicketId = ticketId;
        LineId = lineId;
        Position = position;
        Name = name;
        Quantity = quantity;
        Change = change;
        QuantityBefore = quantityBefore;
        ModifiersText = Join(modifiers);
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Length <= MaxNoteLength ? note : note[..MaxNoteLength];
        AllergensText = Join(allergens);
    }

    public Guid Id { get; private set; }
    public Guid TicketId { get; private set; }

    /// <summary>The sale line it comes from (which may since have been removed from the sale).</summary>
    public Guid LineId { get; private set; }
    public int Position { get; private set; }
    public string Name { get; private set; }

    /// <summary>How many to make now: for a change, the new quantity (<see cref="QuantityBefore"/> was sent before); for a void, 0; for a new item, <see cref="QuantityBefore"/> is 0.</summary>
    public decimal Quantity { get; private set; }
    public KitchenItemChange Change { get; private set; }
    public decimal QuantityBefore { get; private set; }

    /// <summary>The modifiers, one a line (stored as text so both databases keep it alike).</summary>
    public string? ModifiersText { get; private set; }
    public string? Note { get; private set; }

    /// <summary>The allergens, one a line.</summary>
    public string? AllergensText { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }

    public IReadOnlyList<string> Modifiers => Split(ModifiersText);
    public IReadOnlyList<string> Allergens => Split(AllergensText);

    public void MarkDone(bool done, DateTimeOffset at) => DoneAt = done ? DoneAt ?? at : null;

    private static string? Join(IReadOnlyList<string> items)
    {
        var text = string.Join('\n', items.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()));
        return text.Length == 0 ? null : text.Length <= MaxListLength ? text : text[..MaxListLength];
    }

    private static string[] Split(string? text) => text is null ? [] : text.Split('\n');
}
