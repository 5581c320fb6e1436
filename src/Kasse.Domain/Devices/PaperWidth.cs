namespace Kasse.Domain.Devices;

/// <summary>Receipt paper and the characters per line of the printer's normal font.</summary>
public static class PaperWidth
{
    /// <summary>80 mm paper on a 576-dot printer (font A, 12 dots a character).</summary>
    public const int Mm80Wide = 48;

    /// <summary>80 mm paper on a 512-dot printer (72 mm print width), the common default.</summary>
    public const int Mm80 = 42;

    /// <summary>58 mm paper (384 dots).</summary>
    public const int Mm58 = 32;

    public static bool IsSupported(int columns) => columns is Mm80Wide or Mm80 or Mm58;

    /// <summary>Dots across the printable width, for sizing a barcode.</summary>
    public static int Dots(int columns) => columns * 12;
}
