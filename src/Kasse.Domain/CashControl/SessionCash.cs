using Kasse.Domain.Sales;

namespace Kasse.Domain.CashControl;

/// <summary>What the drawer of a session should hold: the float, the cash taken, and the cash moved in and out.</summary>
public static class SessionCash
{
    /// <summary>Whether a receipt journaled at <paramref name="sequence"/> belongs to the session.</summary>
    public static bool Owns(RegisterSession session, long sequence) =>
        sequence > session.OpenedSequence && (session.CountedSequence is not { } end || sequence < end);

    /// <summary>Cash paid in minus cash paid back, on the real receipts of the session (training money is not real).</summary>
    public static decimal Taken(RegisterSession session, IEnumerable<ReportReceipt> receipts) =>
        receipts.Where(r => !r.Sale.IsTraining && Owns(session, r.Sequence)).Sum(r => CashOf(r.Sale));

    public static decimal Expected(RegisterSession session, decimal taken, IEnumerable<CashMovement> movements) =>
        CashAmount.Round(session.OpeningFloat + taken + movements.Where(m => m.SessionId == session.Id).Sum(m => m.SignedAmount));

    /// <summary>The cash a sale moved, its cash tips included (they are in the drawer until paid out to the staff).</summary>
    public static decimal CashOf(Sale sale) => sale.Payments.Where(p => p.Method == PaymentMethod.Cash).Sum(p => p.Taken);
}
