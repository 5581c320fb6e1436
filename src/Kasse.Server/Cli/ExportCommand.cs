using System.CommandLine;
using System.Globalization;
using Kasse.Application.Fiscal.SaftExport;
using Kasse.Data;
using Kasse.Server.Hosting;
using Kasse.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Server.Cli;

/// <summary><c>kasse export saf-t --from DATE --to DATE [--store ID] [--out FOLDER] [--country DK|NO]</c>: the SAF-T Cash Register file.</summary>
internal static class ExportCommand
{
    public static Command Create(Func<ParseResult, ServiceProvider> buildServices)
    {
        var from = new Option<string>("--from") { Description = "The first business day to export (yyyy-MM-dd)", Required = true };
        var to = new Option<string>("--to") { Description = "The last business day to export (yyyy-MM-dd), inclusive", Required = true };
        var store = new Option<Guid?>("--store") { Description = "The store's id (default: every store, one file each)" };
        var folder = new Option<DirectoryInfo?>("--out") { Description = "The folder to write the file to (default: the current folder)" };
        var country = new Option<string?>("--country") { Description = "DK for the Danish file (the default), NO for the Norwegian one (a store in Norway)" };
        var saft = new Command("saf-t", "Write the SAF-T Cash Register file (Danish, or Norwegian with --country NO) of a store's journal and sales for whole business days; the export is journaled (13020)");
        saft.Options.Add(from);
        saft.Options.Add(to);
        saft.Options.Add(store);
        saft.Options.Add(folder);
        saft.Options.Add(country);
        saft.SetAction((parse, ct) => ExportSaftAsync(parse, buildServices,
            parse.GetRequiredValue(from), parse.GetRequiredValue(to), parse.GetValue(store), parse.GetValue(folder), parse.GetValue(country), ct));

        var export = new Command("export", "Export the journal for the tax authority or the accountant");
        export.Subcommands.Add(saft);
        return export;
    }

    private static async Task<int> ExportSaftAsync(ParseResult parse, Func<ParseResult, ServiceProvider> buildServices, string fromText,
        string toText, Guid? storeId, DirectoryInfo? folder, string? country, CancellationToken ct)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        if (Day(fromText) is not { } from || Day(toText) is not { } to)
        {
            await error.WriteLineAsync($"Dates are written yyyy-MM-dd, e.g. --from 2026-01-01 --to 2026-01-31 (got --from {fromText} --to {toText}).");
            return 2;
        }
        var target = folder ?? new DirectoryInfo(Directory.GetCurrentDirectory());
        if (!target.Exists)
        {
            await error.WriteLineAsync($"No such folder: {target.FullName}");
            return 2;
        }

        await using var services = buildServices(parse);
        await DatabaseSetup.MigrateAsync(services, ct);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
        var stores = storeId is { } id ? [id] : await db.Stores.AsNoTracking().OrderBy(s => s.Name).Select(s => s.Id).ToListAsync(ct);
        if (stores.Count == 0)
        {
            await error.WriteLineAsync("There is no store to export.");
            return 1;
        }
        var exporter = scope.ServiceProvider.GetRequiredService<SaftExporter>();
        foreach (var store in stores)
        {
            var temporary = Path.Combine(target.FullName, $".kasse-export-{Guid.NewGuid():N}.tmp");
            try
            {
                SaftExportResult result;
                await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
                    result = await exporter.ExportAsync(SaftExportRequest.Create(store, from, to, country), file, ct);
                var path = Path.Combine(target.FullName, result.FileName);
                File.Move(temporary, path, overwrite: false);
                await output.WriteLineAsync($"Wrote {path}: {result.Transactions} cash transactions, {result.Events} events "
                    + $"(journal entry {result.JournalSequence.ToString(CultureInfo.InvariantCulture)}, SHA-256 {result.Sha256}).");
            }
            catch (DomainException e)
            {
                await error.WriteLineAsync($"Store {store}: {e.Message}");
                return 1;
            }
            catch (IOException e)
            {
                await error.WriteLineAsync($"Store {store}: could not write the file: {e.Message}");
                return 1;
            }
            finally
            {
                File.Delete(temporary);
            }
        }
        return 0;
    }

    private static DateOnly? Day(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
