using System.Globalization;
using System.Text;

namespace Kasse.Bench;

/// <summary>
/// A synthetic but shop-like catalogue: Danish product names (æ, ø, å), 40 categories, EAN-13 barcodes with the
/// Danish 57 prefix, one in ten products with a second barcode, one in fifty sold per kg (never scanned by the tills).
/// Product i is the same in every run, so figures compare across runs.
/// </summary>
public static class Catalogue
{
    private static readonly string[] Goods =
    [
        "Rugbrød", "Æblemost", "Rødkål", "Smørbar", "Ølpølse", "Blåbærsyltetøj", "Flødeost", "Kærnemælk", "Hindbærsaft", "Havregrød",
        "Leverpostej", "Frikadeller", "Æbleskiver", "Sødmælk", "Hvedemel", "Kaffebønner", "Grøn te", "Jordbærmarmelade", "Rullepølse", "Kålpølse",
        "Skærekage", "Wienerbrød", "Røget laks", "Ærter", "Gulerødder", "Kartofler", "Løg", "Hønsesuppe", "Spegepølse", "Brunkager",
        "Pålægschokolade", "Rosiner", "Hørfrø", "Solsikkekerner", "Måltidssalat", "Ymer", "Skyr", "Æggenudler", "Tærtedej", "Øllebrød",
    ];

    private static readonly string[] Qualities =
    [
        "økologisk", "groft", "fint", "let", "ekstra", "klassisk", "hjemmelavet", "dansk", "sønderjysk", "fynsk",
        "mørk", "lys", "sødet", "usødet", "røget", "friskpresset", "fuldkorn", "glutenfri", "laktosefri", "original",
    ];

    private static readonly string[] Brands =
    [
        "Hansens", "Sørensen", "Bøgely", "Mølleåen", "Skovlyst", "Frøslev", "Tårnby", "Ærø Gård", "Brødrene Ø", "Nørregaard",
        "Åbenrå", "Kærgaard", "Lærkely", "Holm", "Vestergaard", "Østerå", "Kløver", "Dalsgaard", "Fjordland", "Bakkegården",
    ];

    private static readonly string[] Sizes = ["100 g", "250 g", "500 g", "1 kg", "33 cl", "1 l", "6 stk", "10 stk", "400 g", "750 ml"];

    /// <summary>The smallest catalogue with every brand, quality and good in it (40 × 20 × 20).</summary>
    public const int MinimumProducts = 16_000;

    public static string Sku(int i) => "B" + i.ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>The EAN-13 of product i: 57 + ten digits of i + check digit (never a 20–29 scale-label prefix).</summary>
    public static string Barcode(int i, int which = 0)
    {
        var body = (which == 0 ? "57" : "58") + i.ToString("D10", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var k = 0; k < 12; k++)
            sum += (body[k] - '0') * (k % 2 == 0 ? 1 : 3);
        return body + ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture);
    }

    public static bool IsWeighed(int i) => i % 50 == 49;

    /// <summary>The price of product i incl. VAT: 5.00–403.99 kr.</summary>
    public static decimal Price(int i) => 5m + ((long)i * 7919 % 39900) / 100m;

    /// <summary>A product a till can scan without a weight.</summary>
    public static int ScannableIndex(Random random, int count)
    {
        var i = random.Next(count);
        return IsWeighed(i) ? i - 1 : i;
    }

    public static string Name(int i) =>
        $"{Goods[i % Goods.Length]} {Qualities[i / Goods.Length % Qualities.Length]} {Brands[i / (Goods.Length * Qualities.Length) % Brands.Length]} {Sizes[i / 7 % Sizes.Length]} #{i.ToString(CultureInfo.InvariantCulture)}";

    public static void WriteCsv(string path, int count)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
        writer.WriteLine("sku;name;category;price;vat_rate;unit;barcodes;cost_price");
        var line = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var price = Price(i);
            var cost = decimal.Round(price * 0.6m, 2);
            line.Clear()
                .Append(Sku(i)).Append(';')
                .Append(Name(i)).Append(';')
                .Append("Afdeling ").Append((i % 40).ToString("D2", CultureInfo.InvariantCulture)).Append(';')
                .Append(Kroner(price)).Append(';')
                .Append("25;")
                .Append(IsWeighed(i) ? "kg" : "piece").Append(';');
            if (!IsWeighed(i))
            {
                line.Append(Barcode(i));
                if (i % 10 == 3)
                    line.Append('|').Append(Barcode(i, 1));
            }
            line.Append(';').Append(Kroner(cost));
            writer.WriteLine(line);
        }
    }

    /// <summary>Danish style, decimal comma: 24,95.</summary>
    private static string Kroner(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>Name searches as a cashier types them: word beginnings and fragments, with Danish letters.</summary>
    public static readonly string[] PrefixQueries = ["rødk", "æble", "ølp", "kær", "smør", "blåb", "frik", "hønse", "pålæg", "øllebr"];

    public static readonly string[] ContainsQueries = ["bær", "økolog", "sønderjy", "mølleå", "pølse", "grød", "ærø", "lærkel", "østerå", "kløver"];
}
