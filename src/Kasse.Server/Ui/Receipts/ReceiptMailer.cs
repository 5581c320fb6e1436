using System.Globalization;
using System.Net.Mail;
using System.Text;
using Kasse.Server.Hosting;

namespace Kasse.Server.Ui.Receipts;

/// <summary>A receipt to send: the plain-text kassebon and a link to it.</summary>
public sealed record ReceiptMail(string To, string StoreName, long ReceiptNumber, string ReceiptText, Uri? Link);

/// <summary>Sends a receipt by e-mail. The till calls only this, so an SMTP sender can replace the folder one.</summary>
public interface IReceiptMailer
{
    Task SendAsync(ReceiptMail mail, CancellationToken ct);
}

/// <summary>Where the folder sender writes (<c>Kasse:Receipts:MailFolder</c>; default: the data folder's <c>outbox</c>).</summary>
public sealed record ReceiptMailSettings(string Folder, string Sender)
{
    public const string FolderKey = "Kasse:Receipts:MailFolder";
    public const string FromKey = "Kasse:Receipts:MailFrom";

    public static ReceiptMailSettings From(ReceiptOptions receipts, NodeOptions node) => new(
        receipts.MailFolder is { Length: > 0 } folder ? Path.GetFullPath(folder) : Path.Combine(DatabaseSettings.DataDirectory(node), "outbox"),
        receipts.MailFrom);

    /// <summary>An address a person typed, or null if it can't be one.</summary>
    public static string? ValidAddress(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 254 || trimmed.Any(char.IsWhiteSpace))
            return null;
        return MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed && address.Host.Contains('.') ? trimmed : null;
    }
}

/// <summary>
/// Writes each receipt e-mail as an RFC 5322 message (.eml) into a folder, until an SMTP setting exists. A mail
/// program opens the files as they are; a relay can pick them up.
/// </summary>
public sealed class FolderReceiptMailer(ReceiptMailSettings settings, TimeProvider clock) : IReceiptMailer
{
    public async Task SendAsync(ReceiptMail mail, CancellationToken ct)
    {
        var to = ReceiptMailSettings.ValidAddress(mail.To) ?? throw new ArgumentException($"'{mail.To}' is not an e-mail address.", nameof(mail));
        Directory.CreateDirectory(settings.Folder);
        var now = clock.GetUtcNow();
        var body = new StringBuilder()
            .AppendLine(mail.ReceiptText)
            .AppendLine()
            .AppendLine(mail.Link is null ? "" : mail.Link.ToString());
        var message = new StringBuilder()
            .Append("From: ").Append(settings.Sender).Append("\r\n")
            .Append("To: ").Append(to).Append("\r\n")
            .Append("Subject: ").Append(EncodeHeader($"{mail.StoreName} – kvittering {mail.ReceiptNumber}")).Append("\r\n")
            .Append("Date: ").Append(now.ToString("r", CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n")
            .Append("Content-Transfer-Encoding: base64\r\n\r\n")
            .Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(body.ToString()), Base64FormattingOptions.InsertLineBreaks))
            .Append("\r\n");
        var name = $"{now:yyyyMMdd-HHmmss}-receipt-{mail.ReceiptNumber}-{Guid.CreateVersion7():N}.eml";
        var path = Path.Combine(settings.Folder, name);
        // Written under a temporary name and moved, so a relay watching the folder never reads half a message.
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, message.ToString(), new UTF8Encoding(false), ct);
        File.Move(temporary, path);
    }

    private static string EncodeHeader(string text) =>
        text.All(c => c < 128) ? text : "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "?=";
}
