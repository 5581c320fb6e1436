using System.Collections.Frozen;

namespace Kasse.Server.Ui.Localization;

/// <summary>Seats, moving lines, merging tables and splitting the bill, in Danish; English is the key.</summary>
internal static class SplitText
{
    internal static readonly FrozenDictionary<string, string> Danish = new Dictionary<string, string>
    {
        // audit trail
        ["Lines moved"] = "Linjer flyttet",
        // the till
        ["Split"] = "Del regning",
        ["Split the bill"] = "Del regningen",
        ["By item"] = "Efter vare",
        ["By seat"] = "Efter plads",
        ["In equal parts"] = "I lige dele",
        ["Tick what goes on the new bill."] = "Sæt flueben ved det, der skal på den nye regning.",
        ["Move {0} to a new bill"] = "Flyt {0} til en ny regning",
        ["One bill per seat; lines without a seat stay on this bill. Give a line its seat by tapping it in the cart."] =
            "En regning pr. plads; linjer uden plads bliver på denne regning. Giv en linje sin plads ved at trykke på den i kurven.",
        ["Seat {0}"] = "Plads {0}",
        ["No seat"] = "Ingen plads",
        ["Split by seat"] = "Del efter plads",
        ["Every line is shared equally; the parts add up to the total to the øre."] = "Hver linje deles ligeligt; delene giver tilsammen totalen på øren.",
        ["Parts"] = "Dele",
        ["{0} parts of about {1}"] = "{0} dele á ca. {1}",
        ["Split in {0}"] = "Del i {0}",
        ["The bill is split. Open a part to pay it; the others stay open on the table."] = "Regningen er delt. Åbn en del for at betale den; de andre bliver åbne på bordet.",
        ["Part {0}"] = "Del {0}",
        ["{0} lines"] = "{0} linjer",
        ["Open and pay"] = "Åbn og betal",
        ["Seat"] = "Plads",
        ["Share {0}"] = "Andel {0}",
    }.ToFrozenDictionary();
}
