using System.Collections.Frozen;

namespace Kasse.Server.Ui.Localization;

/// <summary>Seats, moving lines, merging tables and splitting the bill, in Danish; English is the key.</summary>
internal static class SplitText
{
    internal static readonly FrozenDictionary<string, string> Danish = new Dictionary<string, string>
    {
        // audit trail
        ["Lines moved"] = "Linjer flyttet",
    }.ToFrozenDictionary();
}
