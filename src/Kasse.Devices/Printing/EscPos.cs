namespace Kasse.Devices.Printing;

/// <summary>The ESC/POS command bytes Kasse uses (Epson's command reference; followed by most receipt printers).</summary>
public static class EscPos
{
    public const byte Esc = 0x1B;
    public const byte Gs = 0x1D;
    public const byte Dle = 0x10;
    public const byte Eot = 0x04;
    public const byte LineFeed = 0x0A;

    /// <summary>ESC t n: the character code table for bytes 0x80–0xFF.</summary>
    public const byte SelectCodePage = (byte)'t';

    /// <summary>GS k m=73: CODE128, data starting with a code-set selector such as "{C".</summary>
    public const byte Code128 = 73;

    /// <summary>DLE EOT n, n=1: printer status (bit 3 set = off line).</summary>
    public const byte PrinterStatus = 1;

    /// <summary>DLE EOT n, n=4: roll paper sensor (bits 5 and 6 set = paper end).</summary>
    public const byte PaperStatus = 4;

    public const byte StatusOffline = 0x08;
    public const byte StatusPaperEnd = 0x60;
    public const byte StatusPaperNearEnd = 0x0C;

    /// <summary>The fixed bits every real-time status byte carries (bit 1 and 4 set, bits 0 and 7 clear).</summary>
    public const byte StatusFixedBits = 0x12;

    public static byte[] Initialise => [Esc, (byte)'@'];

    public static byte[] Bold(bool on) => [Esc, (byte)'E', on ? (byte)1 : (byte)0];

    /// <summary>GS ! n: width and height multipliers; 0x11 doubles both.</summary>
    public static byte[] Size(bool large) => [Gs, (byte)'!', large ? (byte)0x11 : (byte)0];

    public static byte[] Align(byte n) => [Esc, (byte)'a', n];

    public static byte[] Feed(int lines) => [Esc, (byte)'d', (byte)Math.Clamp(lines, 0, 255)];

    /// <summary>GS V 66 0: feed to the cutter and cut, leaving a hinge (partial cut).</summary>
    public static byte[] Cut => [Gs, (byte)'V', 66, 0];

    /// <summary>ESC p m t1 t2: pulse on drawer pin 2 for 50 ms on, 500 ms off (t × 2 ms).</summary>
    public static byte[] DrawerKick => [Esc, (byte)'p', 0, 25, 250];

    public static byte[] RealTimeStatus(byte n) => [Dle, Eot, n];
}
