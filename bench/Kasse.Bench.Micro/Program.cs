// bench/run --micro runs these; arguments pass to BenchmarkDotNet (e.g. --filter '*', --job short, --artifacts DIR).
using BenchmarkDotNet.Running;

if (args is ["--quick-promotions"])
{
    // A plain timing, for a quick look while changing the pricer; the real numbers come from BenchmarkDotNet.
    var bench = new Kasse.Bench.Micro.PromotionBenchmarks { Promotions = 1_000, Lines = 100 };
    bench.Setup();
    var watch = System.Diagnostics.Stopwatch.StartNew();
    var saving = 0m;
    for (var i = 0; i < 5; i++)
        saving = bench.PriceBasket();
    Console.WriteLine(FormattableString.Invariant($"{watch.Elapsed.TotalMilliseconds / 5:0.0} ms per pricing, saving {saving}"));
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Kasse.Bench.Micro.TillBenchmarks).Assembly).Run(args);
