using System.Diagnostics;

namespace Kasse.Bench;

/// <summary>Latencies of one kind of request, in milliseconds.</summary>
public sealed class Latencies
{
    private readonly List<double> _ms = [];
    private readonly Lock _lock = new();

    public int Count
    {
        get { lock (_lock) return _ms.Count; }
    }

    public void Add(long startTimestamp)
    {
        var ms = Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
        lock (_lock)
            _ms.Add(ms);
    }

    public void AddMs(double ms)
    {
        lock (_lock)
            _ms.Add(ms);
    }

    public double Percentile(double p)
    {
        lock (_lock)
        {
            if (_ms.Count == 0)
                return double.NaN;
            var sorted = _ms.Order().ToArray();
            var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }
    }
}

public static class Series
{
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
            return double.NaN;
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
