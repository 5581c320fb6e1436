// bench/run --micro runs these; arguments pass to BenchmarkDotNet (e.g. --filter '*', --job short, --artifacts DIR).
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Kasse.Bench.Micro.TillBenchmarks).Assembly).Run(args);
