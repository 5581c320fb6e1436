using System.Collections.Frozen;

namespace Kasse.Server.Ui.Localization;

/// <summary>The till's table commands in Danish (moving a sale to a table, handing it over); English is the key.</summary>
internal static class TableActionsText
{
    internal static readonly FrozenDictionary<string, string> Danish = new Dictionary<string, string>
    {
        ["Move to table"] = "Flyt til bord",
        ["Hand over"] = "Overdrag",
        ["No other waiter works in this store."] = "Der er ingen anden tjener i butikken.",
        ["Moved to table {0}."] = "Flyttet til bord {0}.",
        ["Handed over to {0}."] = "Overdraget til {0}.",
    }.ToFrozenDictionary();
}
