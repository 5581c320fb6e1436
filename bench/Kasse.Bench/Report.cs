using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kasse.Bench;

/// <summary>Every figure of a run, each with the values of its repeats; written as JSON and as a markdown summary.</summary>
public sealed class Report
{
    public sealed record Metric(string Name, string Unit, List<double> Values)
    {
        public double Min => Values.Count == 0 ? double.NaN : Values.Min();
        public double Median => Series.Median(Values);
        public double Max => Values.Count == 0 ? double.NaN : Values.Max();
    }

    public sealed record Target(string Goal, string Measured, bool Met, string Basis);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly Dictionary<string, Metric> _metrics = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public List<Target> Targets { get; } = [];

    public Dictionary<string, string> Machine { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    public List<string> Notes { get; } = [];

    public void Add(string name, string unit, double value)
    {
        if (!_metrics.TryGetValue(name, out var metric))
        {
            metric = new Metric(name, unit, []);
            _metrics[name] = metric;
            _order.Add(name);
        }
        metric.Values.Add(Math.Round(value, 3));
        Console.WriteLine($"  {name,-52} {Format(value),12} {unit}");
    }

    public double Median(string name) => _metrics.TryGetValue(name, out var m) ? m.Median : double.NaN;

    public bool Has(string name) => _metrics.ContainsKey(name);

    public static string Format(double value) =>
        double.IsNaN(value) ? "–" : value.ToString(Math.Abs(value) >= 100 ? "0" : Math.Abs(value) >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture);

    public async Task WriteAsync(string directory, string stem)
    {
        Directory.CreateDirectory(directory);
        var json = new
        {
            machine = Machine,
            settings = Settings,
            metrics = _order.Select(n => _metrics[n]).Select(m => new { name = m.Name, unit = m.Unit, values = m.Values, min = m.Min, median = m.Median, max = m.Max }),
            targets = Targets.Select(t => new { goal = t.Goal, measured = t.Measured, met = t.Met, basis = t.Basis }),
            notes = Notes,
        };
        await File.WriteAllTextAsync(Path.Combine(directory, stem + ".json"), JsonSerializer.Serialize(json, JsonOptions) + "\n");
        await File.WriteAllTextAsync(Path.Combine(directory, stem + ".md"), Markdown(stem));
    }

    public string TargetTable()
    {
        var md = new StringBuilder();
        md.AppendLine("| target | measured | met | basis |").AppendLine("| --- | --- | --- | --- |");
        foreach (var t in Targets)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {t.Goal} | {t.Measured} | {(t.Met ? "yes" : "**no**")} | {t.Basis} |");
        return md.ToString();
    }

    private string Markdown(string stem)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Benchmark {stem}").AppendLine();
        md.AppendLine("| machine | |").AppendLine("| --- | --- |");
        foreach (var (key, value) in Machine)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {key} | {value} |");
        foreach (var (key, value) in Settings)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {key} | {value} |");
        md.AppendLine().AppendLine("## Targets").AppendLine().Append(TargetTable()).AppendLine();
        md.AppendLine("## All figures (min / median / max over the repeats)").AppendLine();
        md.AppendLine("| figure | unit | min | median | max | runs |").AppendLine("| --- | --- | ---: | ---: | ---: | ---: |");
        foreach (var m in _order.Select(n => _metrics[n]))
            md.AppendLine(CultureInfo.InvariantCulture, $"| {m.Name} | {m.Unit} | {Format(m.Min)} | {Format(m.Median)} | {Format(m.Max)} | {m.Values.Count} |");
        if (Notes.Count > 0)
        {
            md.AppendLine().AppendLine("## Notes").AppendLine();
            foreach (var note in Notes)
                md.AppendLine("- " + note);
        }
        return md.ToString();
    }
}
