using System.Security.Cryptography;

namespace Kasse.Domain.Devices;

public enum PrintJobKind
{
    // Declared first: a drawer kick queued with its receipt goes out before it.
    DrawerKick,
    Receipt,
    CopyReceipt,
    Report,
    KitchenTicket,
    /// <summary>A slip from the back office's Test button: the printer, its address and a column ruler.</summary>
    TestSlip,
}

public enum PrintJobStatus
{
    /// <summary>Waiting for its printer (or for the next try after the printer was off or out of paper).</summary>
    Queued,
    /// <summary>Being sent right now.</summary>
    Sending,
    Printed,
    /// <summary>
    /// Sending broke off after some of it may have reached the printer. Not sent again by itself, because a
    /// receipt must not print twice unmarked; the cashier prints a copy if nothing came out.
    /// </summary>
    Interrupted,
    /// <summary>Too late to be useful (a drawer kick is never sent minutes after the sale).</summary>
    Expired,
}

/// <summary>A printout waiting in the persistent print queue, so it survives a printer that is off and a restart of Kasse.</summary>
public sealed class PrintJob
{
    public const int MaxProblemLength = 300;

    /// <summary>Tries come 1, 2, 4 … seconds apart, at most this far.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(15);

    private PrintJob() { Document = ""; }

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid PrinterId { get; private set; }
    public PrintJobKind Kind { get; private set; }

    /// <summary>The sale (receipts, drawer kicks) or report the printout is of.</summary>
    public Guid? SubjectId { get; private set; }

    /// <summary>The printout, printer-independent (JSON); the driver encodes it when it sends.</summary>
    public string Document { get; private set; }

    public DateTimeOffset QueuedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    public PrintJobStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? PrintedAt { get; private set; }
    public string? Problem { get; private set; }

    public static PrintJob Queue(Guid id, Printer printer, PrintJobKind kind, Guid? subjectId, string document, DateTimeOffset now, TimeSpan? lifetime = null) => new()
    {
        Id = id,
        StoreId = printer.StoreId,
        PrinterId = printer.Id,
        Kind = kind,
        SubjectId = subjectId,
        Document = document,
        QueuedAt = now,
        NextAttemptAt = now,
        ExpiresAt = now + lifetime,
        Status = PrintJobStatus.Queued,
    };

    /// <summary>
    /// The one job id for a printout of something, so queueing the receipt of a sale twice (a retried
    /// completion) finds the first job instead of printing a second original.
    /// </summary>
    public static Guid IdFor(Guid subjectId, PrintJobKind kind, Guid printerId = default)
    {
        Span<byte> input = stackalloc byte[33];
        subjectId.TryWriteBytes(input, bigEndian: true, out _);
        printerId.TryWriteBytes(input[16..], bigEndian: true, out _);
        input[32] = (byte)kind;
        var hash = SHA256.HashData(input);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // UUID version 8: name-based, our own hash
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    public void StartSending(DateTimeOffset now)
    {
        if (Status != PrintJobStatus.Queued)
            throw DomainException.Conflict(PrintJobErrors.NotQueued, $"Print job {Id} is {Status}, not waiting to be sent.");
        Status = PrintJobStatus.Sending;
        Attempts++;
        NextAttemptAt = now;
    }

    public void Printed(DateTimeOffset now)
    {
        Status = PrintJobStatus.Printed;
        PrintedAt = now;
        Problem = null;
    }

    /// <summary>Nothing reached the printer: wait and try again, longer each time.</summary>
    public void TryLater(string problem, DateTimeOffset now)
    {
        Status = PrintJobStatus.Queued;
        Problem = Shorten(problem);
        var seconds = Math.Min(Math.Pow(2, Math.Max(0, Attempts - 1)), MaxRetryDelay.TotalSeconds);
        NextAttemptAt = now + TimeSpan.FromSeconds(seconds);
    }

    /// <summary>The printer came back: the next try need not wait out the delay.</summary>
    public void TrySoon(DateTimeOffset now)
    {
        if (Status == PrintJobStatus.Queued && NextAttemptAt > now)
            NextAttemptAt = now;
    }

    public void Interrupt(string problem)
    {
        Status = PrintJobStatus.Interrupted;
        Problem = Shorten(problem);
    }

    public bool HasExpired(DateTimeOffset now) => ExpiresAt is { } expires && now > expires;

    public void Expire(string problem)
    {
        Status = PrintJobStatus.Expired;
        Problem = Shorten(problem);
    }

    private static string Shorten(string problem) => problem.Length > MaxProblemLength ? problem[..MaxProblemLength] : problem;
}
