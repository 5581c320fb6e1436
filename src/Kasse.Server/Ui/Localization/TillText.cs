using System.Collections.Frozen;

namespace Kasse.Server.Ui.Localization;

/// <summary>The till's newer words (issue 21): the More sheet, paid and remaining, confirmations, sound, cash control.</summary>
internal static class TillText
{
    internal static readonly FrozenDictionary<string, string> Danish = new Dictionary<string, string>
    {
        ["More"] = "Mere",
        ["Pay the rest"] = "Betal rest",
        ["Discount on the sale"] = "Rabat på salget",
        ["Sale parked. Pick it up again under Parked sales."] = "Salget er parkeret. Hent det igen under Parkerede salg.",
        ["Sale resumed: {0} items, {1}."] = "Salget er genoptaget: {0} varer, {1}.",
        ["Sound: on"] = "Lyd: til",
        ["Sound: off"] = "Lyd: fra",
        ["Drop"] = "Aflever",
        ["Pay in"] = "Indbetal",
        ["Open drawer"] = "Åbn skuffen",
        ["Close the day"] = "Luk dagen",
        ["No drawer session is open. Count the cash in the drawer and enter the opening float."] = "Der er ingen åben kasseskuffe. Tæl pengene i skuffen, og indtast byttepengene ved start.",
        ["Open the drawer and take the cash"] = "Åbn skuffen, og tag imod kontanter",
    }.ToFrozenDictionary();
}
