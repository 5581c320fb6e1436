using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Kasse.Bench;

/// <summary>
/// The soak run (bench/soak): N tills selling against the real <c>kasse</c> process for M minutes, with resident
/// memory, request latency (p50/p99), sales and errors sampled every interval; written to
/// bench/results/&lt;date&gt;-&lt;name&gt;.json and .md. It asserts nothing; the .md says whether memory or latency grew.
/// </summary>
public static class Soak
{
    private const string DemoApiKey = "kasse_demo0000_demo-only-not-a-secret";
    private static readonly Guid DemoStore = Guid.Parse("0192f000-0000-7000-8000-000000000001");

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private sealed record Sample(double Seconds, double RssMb, int Sales, int Requests, int Errors, double P50Ms, double P99Ms);

    private sealed class Window
    {
        public Latencies Latencies = new();
        public int Sales;
        public int Errors;
        public readonly List<string> FirstErrors = [];
    }

    public static async Task<int> RunAsync(string[] args)
    {
        string kasse = "", results = "bench/results", name = "soak", commit = "?", database = "sqlite";
        string? postgres = null;
        var minutes = 10.0;
        var tills = 32;
        var interval = TimeSpan.FromSeconds(10);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--kasse": kasse = Next(); break;
                case "--minutes": minutes = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--tills": tills = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--interval": interval = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "--results": results = Next(); break;
                case "--name": name = Next(); break;
                case "--commit": commit = Next(); break;
                case "--database": database = Next(); break;
                case "--postgres": postgres = Next(); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }
        if (kasse.Length == 0)
            throw new ArgumentException("Give --kasse (bench/soak does).");

        var work = Path.Combine(Path.GetTempPath(), "kasse-soak-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        var databaseArgs = database == "postgres"
            ? new[] { "--database", "postgres", "--connection", await FreshPostgresAsync(postgres ?? throw new ArgumentException("--database postgres needs --postgres")) }
            : ["--database", "sqlite", "--connection", $"Data Source={Path.Combine(work, "kasse.db")}"];
        var url = new Uri($"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}/");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseProxy = false })
        {
            BaseAddress = url,
            Timeout = TimeSpan.FromSeconds(30),
            DefaultRequestHeaders = { { "X-Api-Key", DemoApiKey } },
        };
        await using var server = ChildProcess.Start(kasse, ["--urls", url.ToString().TrimEnd('/'), .. databaseArgs,
            "--Logging:LogLevel:Default", "Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information"]);
        await server.WaitUntilAnswersAsync(http, new Uri(url, "health"), Stopwatch.GetTimestamp(), TimeSpan.FromMinutes(2));

        var products = await ProductsAsync(http);
        var registers = new List<Guid>();
        for (var i = 0; i < tills; i++)
        {
            var id = Guid.CreateVersion7();
            using var created = await http.PostAsJsonAsync($"api/v1/stores/{DemoStore}/registers", new { id, name = $"Soak {i + 1}" });
            created.EnsureSuccessStatusCode();
            registers.Add(id);
        }

        Console.WriteLine($"Soak: {tills} tills for {minutes} min against {string.Join(' ', databaseArgs[..2])}, a sample every {interval.TotalSeconds} s.");
        var window = new Window();
        var samples = new List<Sample>();
        var errors = new List<string>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
        var selling = registers.Select((register, i) => Task.Run(() => TillAsync(http, register, products, new Random(i), () => window, stop.Token))).ToArray();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
            var done = Interlocked.Exchange(ref window, new Window());
            var (rss, _) = server.MemoryMb();
            var sample = new Sample(Math.Round(clock.Elapsed.TotalSeconds, 1), Math.Round(rss, 1), done.Sales, done.Latencies.Count, done.Errors,
                Math.Round(done.Latencies.Percentile(50), 2), Math.Round(done.Latencies.Percentile(99), 2));
            samples.Add(sample);
            lock (done.FirstErrors)
                errors.AddRange(done.FirstErrors.Take(5 - Math.Min(5, errors.Count)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{sample.Seconds,6:0} s  RSS {sample.RssMb,7:0.0} MB  {sample.Sales,5} sales  {sample.Requests,6} requests  p50 {sample.P50Ms,7:0.0} ms  p99 {sample.P99Ms,7:0.0} ms  errors {sample.Errors}"));
        }
        await Task.WhenAll(selling);

        var stem = $"{TimeProvider.System.GetUtcNow():yyyy-MM-dd}-{name}";
        Directory.CreateDirectory(results);
        var settings = new Dictionary<string, string>
        {
            ["tills"] = tills.ToString(CultureInfo.InvariantCulture),
            ["minutes"] = minutes.ToString(CultureInfo.InvariantCulture),
            ["interval"] = $"{interval.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s",
            ["database"] = database,
            ["commit"] = commit,
            ["cores"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
            ["load average at the end"] = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?",
        };
        await File.WriteAllTextAsync(Path.Combine(results, stem + ".json"),
            JsonSerializer.Serialize(new { settings, samples, firstErrors = errors }, Indented));
        await File.WriteAllTextAsync(Path.Combine(results, stem + ".md"), Markdown(stem, settings, samples, errors));
        Console.WriteLine($"Wrote {Path.Combine(results, stem)}.json and .md");
        try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        return 0;
    }

    /// <summary>Open, 3–10 lines, pay cash or card, complete; each request timed into the current window.</summary>
    private static async Task TillAsync(HttpClient http, Guid register, IReadOnlyList<Guid> products, Random random, Func<Window> current, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var sale = Guid.CreateVersion7();
            try
            {
                await Timed(http, current, $"api/v1/sales", new { id = sale, registerId = register });
                decimal total = 0;
                for (var i = random.Next(3, 11); i > 0; i--)
                {
                    using var line = await Timed(http, current, $"api/v1/sales/{sale}/lines",
                        new { lineId = Guid.CreateVersion7(), productId = products[random.Next(products.Count)], quantity = random.Next(1, 3) });
                    total = (await line.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None)).GetProperty("totalAmount").GetDecimal();
                }
                object payment = random.Next(2) == 0
                    ? new { id = Guid.CreateVersion7(), method = "Cash", tendered = Math.Ceiling(total / 100m) * 100m + 100m }
                    : new { id = Guid.CreateVersion7(), method = "Card" };
                await Timed(http, current, $"api/v1/sales/{sale}/payments", payment);
                await Timed(http, current, $"api/v1/sales/{sale}/complete?printReceipt=false", null);
                Interlocked.Increment(ref current().Sales);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or JsonException)
            {
                if (stop.IsCancellationRequested)
                    return;
                var window = current();
                Interlocked.Increment(ref window.Errors);
                lock (window.FirstErrors)
                    if (window.FirstErrors.Count < 5)
                        window.FirstErrors.Add(e.Message);
            }
        }
    }

    private static async Task<HttpResponseMessage> Timed(HttpClient http, Func<Window> current, string path, object? body)
    {
        var start = Stopwatch.GetTimestamp();
        var response = body is null ? await http.PostAsync(path, null) : await http.PostAsJsonAsync(path, body);
        await response.Content.LoadIntoBufferAsync();
        current().Latencies.Add(start);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST /{path.Split('?')[0]} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    /// <summary>Demo products sold with a plain scan: by the piece, priced, and not a café item whose choices must be made first.</summary>
    private static async Task<IReadOnlyList<Guid>> ProductsAsync(HttpClient http)
    {
        var page = await http.GetFromJsonAsync<JsonElement>("api/v1/products?take=200");
        var plain = new List<Guid>();
        foreach (var id in page.GetProperty("items").EnumerateArray()
                     .Where(p => p.GetProperty("unit").GetString() == "Piece" && p.GetProperty("price").GetDecimal() > 0)
                     .Select(p => p.GetProperty("id").GetGuid()))
        {
            var menu = await http.GetFromJsonAsync<JsonElement>($"api/v1/stores/{DemoStore}/menu/products/{id}");
            if (!menu.GetProperty("isCombo").GetBoolean() && !menu.GetProperty("groups").EnumerateArray().Any(g => g.GetProperty("minChoices").GetInt32() > 0))
                plain.Add(id);
        }
        return plain;
    }

    private static string Markdown(string stem, Dictionary<string, string> settings, List<Sample> samples, List<string> errors)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"# Soak run {stem}").AppendLine();
        text.AppendLine(string.Join(", ", settings.Select(s => $"{s.Key}: {s.Value}"))).AppendLine();
        if (samples.Count >= 4)
        {
            // First and last quarter, compared: growth shows as a rising median.
            var quarter = Math.Max(1, samples.Count / 4);
            static double Median(IEnumerable<double> values)
            {
                var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
                return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
            }
            var early = samples.Skip(1).Take(quarter).ToList();
            var late = samples.TakeLast(quarter).ToList();
            text.AppendLine("| | first quarter (after the first sample) | last quarter |").AppendLine("| --- | --- | --- |");
            text.AppendLine(c, $"| RSS, MB (median) | {Median(early.Select(s => s.RssMb)):0.0} | {Median(late.Select(s => s.RssMb)):0.0} |");
            text.AppendLine(c, $"| p50 latency, ms (median) | {Median(early.Select(s => s.P50Ms)):0.0} | {Median(late.Select(s => s.P50Ms)):0.0} |");
            text.AppendLine(c, $"| p99 latency, ms (median) | {Median(early.Select(s => s.P99Ms)):0.0} | {Median(late.Select(s => s.P99Ms)):0.0} |");
            text.AppendLine(c, $"| sales per interval (median) | {Median(early.Select(s => (double)s.Sales)):0} | {Median(late.Select(s => (double)s.Sales)):0} |");
            text.AppendLine();
        }
        text.AppendLine(c, $"Sales: {samples.Sum(s => s.Sales)}, requests: {samples.Sum(s => s.Requests)}, errors: {samples.Sum(s => s.Errors)}.").AppendLine();
        text.AppendLine("| s | RSS MB | sales | requests | errors | p50 ms | p99 ms |").AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var s in samples)
            text.AppendLine(c, $"| {s.Seconds:0} | {s.RssMb:0.0} | {s.Sales} | {s.Requests} | {s.Errors} | {s.P50Ms:0.0} | {s.P99Ms:0.0} |");
        if (errors.Count > 0)
            text.AppendLine().AppendLine("First errors:").AppendLine().AppendJoin('\n', errors.Select(e => "- " + e)).AppendLine();
        return text.ToString();
    }

    private static async Task<string> FreshPostgresAsync(string admin)
    {
        var name = "kasse_soak_" + Guid.NewGuid().ToString("N")[..8];
        await using var connection = new Npgsql.NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", connection);
        await create.ExecuteNonQueryAsync();
        return new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
