using System.CommandLine;
using Kasse.Application.Reporting;
using Kasse.Domain;
using Kasse.Server.Hosting;

namespace Kasse.Server.Cli;

/// <summary><c>kasse reports rebuild</c>: recompute the report summaries from the sales themselves.</summary>
public static class ReportsCommand
{
    public static Command Create(Func<ParseResult, ServiceProvider> services)
    {
        var reports = new Command("reports", "Sales reports");
        var rebuild = new Command("rebuild", "Recompute the daily report summaries from the completed sales (all stores, or --store)");
        var store = new Option<Guid?>("--store") { Description = "Only this store's summaries (its id)" };
        rebuild.Options.Add(store);
        rebuild.SetAction(async (parse, ct) =>
        {
            await using var provider = services(parse);
            await DatabaseSetup.MigrateAsync(provider, ct);
            await using var scope = provider.CreateAsyncScope();
            try
            {
                var result = await scope.ServiceProvider.GetRequiredService<SalesSummaryRebuild>().RebuildAsync(parse.GetValue(store), ct);
                await parse.InvocationConfiguration.Output.WriteLineAsync(
                    $"Report summaries rebuilt: {result.Stores} store(s), {result.Sales} sales and returns counted, {result.SummaryRows} summary rows.");
                return 0;
            }
            catch (DomainException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(e.Message);
                return 1;
            }
        });
        reports.Subcommands.Add(rebuild);
        return reports;
    }
}
