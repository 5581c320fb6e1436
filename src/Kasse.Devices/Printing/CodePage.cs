using System.Text;

namespace Kasse.Devices.Printing;

/// <summary>
/// The printer's character tables. PC865 (Nordic) prints æøåÆØÅ; PC858 (PC850 with €) also prints them,
/// and the euro sign, so a receipt that needs € is sent in PC858.
/// </summary>
public sealed record CodePage(string Name, byte EscPosTable, int DotNetCodePage)
{
    public static readonly CodePage Pc865 = new("PC865", 5, 865);
    public static readonly CodePage Pc858 = new("PC858", 19, 858);

    static CodePage() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<CodePage> All { get; } = [Pc865, Pc858];

    public Encoding Strict => Encoding.GetEncoding(DotNetCodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    /// <summary>Characters the table lacks print as '?' rather than stopping the receipt.</summary>
    public Encoding Lenient => Encoding.GetEncoding(DotNetCodePage, new EncoderReplacementFallback("?"), DecoderFallback.ReplacementFallback);

    public static CodePage? ForTable(byte table) => All.FirstOrDefault(c => c.EscPosTable == table);

    /// <summary>PC865 unless the text has a character only PC858 has (the € sign).</summary>
    public static CodePage For(string text)
    {
        foreach (var page in All)
        {
            try
            {
                page.Strict.GetByteCount(text);
                return page;
            }
            catch (EncoderFallbackException)
            {
                // try the next table
            }
        }
        return Pc865;
    }
}
