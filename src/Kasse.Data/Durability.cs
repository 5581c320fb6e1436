namespace Kasse.Data;

/// <summary>
/// How hard a write transaction is pushed to disk before its commit returns. The one place that maps these to
/// SQLite settings is <see cref="WriteTransaction"/>; PostgreSQL commits every transaction durably.
/// </summary>
public enum Durability
{
    /// <summary>
    /// Survives a power cut once committed (SQLite <c>synchronous=FULL</c>: the WAL is synced at commit, and with it
    /// every earlier commit). Completed sales, payments, voids, returns and anything that writes the journal.
    /// </summary>
    Durable,

    /// <summary>
    /// An edit of a sale that is still open (a line scanned, a quantity or discount changed): survives a crash of
    /// Kasse, but the last such edits may be lost on a power cut (SQLite <c>synchronous=NORMAL</c> in WAL mode). The
    /// next durable commit syncs them too, so a completed sale never depends on them being lost or kept.
    /// </summary>
    OpenSaleEdit,
}
