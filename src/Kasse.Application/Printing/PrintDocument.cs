using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kasse.Application.Printing;

public enum TextAlign
{
    Left,
    Centre,
    Right,
}

/// <summary>One piece of a printout. The printer driver turns these into its own commands (ESC/POS).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "text")]
[JsonDerivedType(typeof(BarcodeBlock), "code128")]
[JsonDerivedType(typeof(QrCodeBlock), "qr")]
[JsonDerivedType(typeof(FeedBlock), "feed")]
[JsonDerivedType(typeof(CutBlock), "cut")]
[JsonDerivedType(typeof(DrawerKickBlock), "drawer-kick")]
public abstract record PrintBlock;

/// <summary>Lines of text, already laid out in the paper's columns.</summary>
public sealed record TextBlock(string Text, bool Bold = false, bool Large = false, TextAlign Align = TextAlign.Left) : PrintBlock;

/// <summary>A CODE128 barcode with its text printed under it.</summary>
public sealed record BarcodeBlock(string Data) : PrintBlock;

public sealed record QrCodeBlock(string Data) : PrintBlock;

public sealed record FeedBlock(int Lines) : PrintBlock;

public sealed record CutBlock : PrintBlock;

/// <summary>The pulse on the printer's drawer port that opens the cash drawer.</summary>
public sealed record DrawerKickBlock : PrintBlock;

/// <summary>What a printer is asked to put on paper, independent of the printer's command language.</summary>
public sealed record PrintDocument(IReadOnlyList<PrintBlock> Blocks)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PrintDocument FromJson(string json) =>
        JsonSerializer.Deserialize<PrintDocument>(json, Json) ?? throw new InvalidOperationException("A print job without a document.");

    /// <summary>All the text on the paper, for a preview and for tests.</summary>
    public string PlainText => string.Concat(Blocks.OfType<TextBlock>().Select(t => t.Text));

    public static PrintDocument DrawerKick { get; } = new([new DrawerKickBlock()]);
}
