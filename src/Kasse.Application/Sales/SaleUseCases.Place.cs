using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kasse.Application.Staff;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Application.Sales;

public sealed partial class SaleUseCases
{
    /// <summary>
    /// A whole sale in one request: open, customer, coupon, lines (each with its discount), sale discount, payments and
    /// completion, each through the same command (permission, approval gate, domain rule) as at the till, all in one durable
    /// transaction, so a refused part saves nothing (no sale, no receipt number) and names itself (<c>lines[2]: …</c>).
    /// The sale's id is the client's: the same request again answers the sale it made (never a second completion or
    /// charge), and another request with that id is refused.
    /// </summary>
    public async Task<PlacedSale> PlaceAsync(PlaceSale command, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        if (command.OpensOnly)
            return new PlacedSale(await OpenAsync(command.Opening, ct), Replayed: false);
        if (command.Id == Guid.Empty)
            throw DomainException.Invalid(SaleErrors.Id, "Give the sale an id (a new UUID chosen by the client).");
        RefuseRepeatedIds(command);
        // Where the sale writer takes it, the sale is one of its commands and shares its commit with the other tills';
        // otherwise (SQLite, or inside a transaction of its caller's, an Idempotency-Key's) it commits here.
        if (SaleWriter.Takes(db, Durability.Durable))
            return await writer.RunAsync(Durability.Durable, Caller,
                services => services.GetRequiredService<SaleUseCases>().PlaceHereAsync(command, CancellationToken.None));
        return await PlaceHereAsync(command, ct);
    }

    private async Task<PlacedSale> PlaceHereAsync(PlaceSale command, CancellationToken ct)
    {
        using var span = KasseTelemetry.Tracing.StartActivity("sale.place");
        span?.SetTag("kasse.sale.id", command.Id);
        var fingerprint = Fingerprint(command);
        // Inside an Idempotency-Key's transaction its middleware answers a lost race; alone, the race is answered here.
        var alone = db.Database.CurrentTransaction is null;
        PlacedSale placed;
        try
        {
            placed = await db.InTransactionAsync(Durability.Durable, () => PlaceOnceAsync(command, fingerprint, ct), ct);
        }
        catch (DbUpdateException) when (alone)
        {
            // The same sale arrived twice at once (a retry overtaking a slow answer) and the other committed first:
            // run again, which finds that sale and answers with it, or refuses another body.
            db.ChangeTracker.Clear();
            placed = await db.InTransactionAsync(Durability.Durable, () => PlaceOnceAsync(command, fingerprint, ct), ct);
        }
        span?.SetTag("kasse.receipt.number", placed.Sale.ReceiptNumber);
        return placed;
    }

    private async Task<PlacedSale> PlaceOnceAsync(PlaceSale command, string fingerprint, CancellationToken ct)
    {
        var key = PlacedKey(command.Id);
        var placed = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);
        var existing = await db.Sales.AsNoTracking().FirstOrDefaultAsync(s => s.Id == command.Id, ct);
        if (existing is not null)
            return new PlacedSale(SameSale(command, fingerprint, placed, existing), Replayed: true);

        var id = command.Id;
        var sale = await OpenAsync(command.Opening, ct);
        if (command.CustomerId is { } customerId)
            sale = await PartAsync("customerId", () => customers.AttachCustomerAsync(id, customerId, ct));
        if (command.Coupon is { } coupon)
            sale = await PartAsync("coupon", () => customers.ApplyCouponAsync(id, coupon, ct));
        var lines = command.Lines ?? [];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var lineId = line.LineId ?? Guid.CreateVersion7();
            sale = await PartAsync($"lines[{i}]", () => AddLineGatedAsync(id, line.ToAddLine(lineId), ct));
            if (line.Discount is { } discount)
                sale = await PartAsync($"lines[{i}].discount", () => SetDiscountAsync(id, lineId, discount, ct));
        }
        if (command.Discount is { } saleDiscount)
            sale = await PartAsync("discount", () => SetDiscountAsync(id, null, saleDiscount, ct));
        var payments = command.Payments ?? [];
        for (var i = 0; i < payments.Count; i++)
        {
            var payment = payments[i];
            sale = await PartAsync($"payments[{i}]", () => sales.AddPaymentAsync(id, payment, ct));
        }
        if (command.Complete)
            sale = await PartAsync("complete", () => sales.CompleteAsync(id, command.PrintReceipt, ct));
        // Remembered with the sale, so the same request again is told apart from another one with this id.
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Key = key,
            RequestHash = fingerprint,
            StatusCode = 201,
            ResponseBody = "",
            ContentType = "application/json",
            CreatedAt = clock.Now(),
        });
        await db.SaveChangesAsync(ct);
        return new PlacedSale(sale, Replayed: false);
    }

    /// <summary>The sale this id already names, if this request made it; otherwise the id is someone else's.</summary>
    private static SaleView SameSale(PlaceSale command, string fingerprint, IdempotencyRecord? placed, Sale existing)
    {
        if (placed is not null)
            return placed.RequestHash == fingerprint
                ? SaleView.From(existing)
                : throw DomainException.Conflict(SaleErrors.IdUsed,
                    $"Sale {command.Id} was already placed with a different body. A new sale needs a new id; to see that one, GET /api/v1/sales/{command.Id}.");
        // Placed before its request was forgotten (Kasse:Idempotency:KeepDays): the same register and the same payment ids
        // (each a fresh UUID of the client's) are the same sale, so an old retry still never charges twice.
        var paymentIds = (command.Payments ?? []).Select(p => p.Id).Order().ToList();
        if (existing.RegisterId == command.RegisterId && (!command.Complete || existing.Status == SaleStatus.Completed)
            && paymentIds.Count > 0 && paymentIds.SequenceEqual(existing.Payments.Select(p => p.Id).Order()))
            return SaleView.From(existing);
        throw DomainException.Conflict(SaleErrors.IdUsed,
            $"Sale {command.Id} already exists (opened by another request). A sale in one request needs a new id.");
    }

    /// <summary>Runs one part of a placed sale; a refusal says which part ("lines[2]: …"). Something the body names but that
    /// does not exist makes the body wrong (400), not the sale missing (404).</summary>
    private static async Task<SaleView> PartAsync(string part, Func<Task<SaleView>> step)
    {
        try
        {
            return await step();
        }
        catch (DomainException refused)
        {
            throw new DomainException(refused.Kind == ErrorKind.NotFound ? ErrorKind.Invalid : refused.Kind, refused.Code, $"{part}: {refused.Message}");
        }
    }

    /// <summary>A line or payment id given twice would be taken once (the till's retry rule), so within one body it is a mistake.</summary>
    private static void RefuseRepeatedIds(PlaceSale command)
    {
        var lineIds = new HashSet<Guid>();
        for (var i = 0; i < (command.Lines?.Count ?? 0); i++)
        {
            var line = command.Lines![i] ?? throw DomainException.Invalid(SaleErrors.Line, $"lines[{i}] is empty; give a barcode, a productId, or a description with a unitPrice.");
            if (line.LineId is { } lineId && !lineIds.Add(lineId))
                throw DomainException.Invalid(LineErrors.IdRepeated, $"lines[{i}]: line id {lineId} is given twice; give each line its own id (or none).");
        }
        var paymentIds = new HashSet<Guid>();
        for (var i = 0; i < (command.Payments?.Count ?? 0); i++)
        {
            var payment = command.Payments![i] ?? throw DomainException.Invalid(SaleErrors.Payment, $"payments[{i}] is empty; give its id, method and amount.");
            if (payment.Id == Guid.Empty)
                throw DomainException.Invalid(PaymentErrors.Id, $"payments[{i}]: give the payment an id (a new UUID chosen by the client).");
            if (!paymentIds.Add(payment.Id))
                throw DomainException.Invalid(PaymentErrors.IdRepeated, $"payments[{i}]: payment id {payment.Id} is given twice; give each payment its own id.");
        }
    }

    /// <summary>Where a placed sale's request is remembered; a space, which no Idempotency-Key header holds, keeps the two apart.</summary>
    private static string PlacedKey(Guid saleId) => $"placed sale {saleId}";

    private static readonly JsonSerializerOptions FingerprintJson = new()
    {
        Converters = { new NormalisedDecimal() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>
    /// What the request asks for, whatever its JSON spacing, field order or trailing zeros (24.9 and 24.90 are one price).
    /// An approval counts by its approver, not its PIN: a PIN's few digits would be easy to find again from a stored hash.
    /// </summary>
    private static string Fingerprint(PlaceSale command)
    {
        static Approval? WithoutPin(Approval? approval) => approval is null ? null : approval with { Pin = "" };
        static SetDiscount? Discount(SetDiscount? discount) => discount is null ? null : discount with { Approval = WithoutPin(discount.Approval) };
        var asked = command with
        {
            Lines = command.Lines?.Select(l => l with { Approval = WithoutPin(l.Approval), Discount = Discount(l.Discount) }).ToList(),
            Discount = Discount(command.Discount),
        };
        return Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(asked, FingerprintJson)));
    }

    private sealed class NormalisedDecimal : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteRawValue((value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture));
    }
}
