using System.Globalization;

namespace Kasse.Bench.Reports;

/// <summary>--lines N --days N --products N --repeats N --postgres CS --work DIR --results DIR --name NAME --commit SHA --only sqlite|postgres</summary>
internal sealed record ReportOptions(long Lines, int Days, int Products, int Repeats, int BatchSales, string? Postgres, string Work, string Results,
    string Name, string Commit, string? Only)
{
    private static readonly string[] AllProviders = ["sqlite", "postgres"];

    public IEnumerable<string> Providers =>
        AllProviders.Where(p => (Only is null || Only == p) && (p != "postgres" || Postgres is not null));

    public static ReportOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        long Number(string name, long fallback) => Value(name) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : fallback;
        return new ReportOptions(
            Number("--lines", 10_000_000), (int)Number("--days", 365), (int)Number("--products", 2_000), (int)Number("--repeats", 5),
            (int)Number("--batch", 10_000), Value("--postgres"),
            Value("--work") ?? Path.Combine(Path.GetTempPath(), "kasse-bench"), Value("--results") ?? "bench/results",
            Value("--name") ?? "full", Value("--commit") ?? "unknown", Value("--only"));
    }
}
