using System.CommandLine;
using Kasse.Server.Hosting;
using Kasse.Server.Operations;

namespace Kasse.Server.Cli;

/// <summary><c>kasse backup</c> and <c>kasse restore</c> (docs/operations.md, "Back up and restore").</summary>
public static class BackupCommand
{
    public static Command Backup(Func<ParseResult, ServiceProvider> services)
    {
        var backup = new Command("backup", "Back the database up while Kasse runs (SQLite's online backup; pg_dump for PostgreSQL), "
            + "to a file named by the UTC time and the schema, with a manifest holding its SHA-256");
        var to = new Option<DirectoryInfo?>("--to") { Description = "The folder to write to (default Kasse:Backup:Folder, else the data folder's backups)" };
        var keep = new Option<int?>("--keep") { Description = "Then delete all but the newest N backups in that folder" };
        backup.Options.Add(to);
        backup.Options.Add(keep);
        backup.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(keep) is < 1)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("--keep must be 1 or more.");
                return 2;
            }
            await using var provider = services(parse);
            var backups = provider.GetRequiredService<DatabaseBackups>();
            try
            {
                var folder = parse.GetValue(to)?.FullName ?? backups.Folder;
                var made = await backups.BackupAsync("manual", folder, ct);
                await parse.InvocationConfiguration.Output.WriteLineAsync(
                    $"Backed up to {made.Path} ({made.Manifest.Bytes} bytes, schema {made.Manifest.Schema}, SHA-256 {made.Manifest.Sha256}).");
                if (parse.GetValue(keep) is { } newest)
                    foreach (var deleted in DatabaseBackups.Prune(folder, newest))
                        await parse.InvocationConfiguration.Output.WriteLineAsync($"Deleted the older backup {deleted}.");
                return 0;
            }
            catch (BackupException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(e.Message);
                return 1;
            }
        });
        return backup;
    }

    public static Command Restore(Func<ParseResult, ServiceProvider> services)
    {
        var restore = new Command("restore", "Check a backup against its manifest's SHA-256, replace the database's content with it "
            + "(refused while a Kasse server uses the database), bring its schema up to date and verify the journal and signatures");
        var file = new Argument<FileInfo>("file") { Description = "The backup file (its .manifest.json must be beside it)" };
        restore.Arguments.Add(file);
        restore.SetAction(async (parse, ct) =>
        {
            await using var provider = services(parse);
            var backups = provider.GetRequiredService<DatabaseBackups>();
            var settings = provider.GetRequiredService<DatabaseSettings>();
            var output = parse.InvocationConfiguration.Output;
            try
            {
                var (restored, before) = await backups.RestoreAsync(parse.GetRequiredValue(file).FullName, ct);
                if (before is not null)
                    await output.WriteLineAsync($"The database as it was is backed up to {before.Path}.");
                await output.WriteLineAsync($"Restored {restored.File} (made {restored.CreatedUtc:u}, schema {restored.Schema}) into {settings.Describe()}.");
            }
            catch (BackupException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(e.Message);
                return 1;
            }
            // The backup just restored is the copy of what is there, so the migration needs no backup of its own.
            await DatabaseSetup.MigrateAsync(provider, ct, backUpFirst: false);
            var verified = await KasseCommandLine.VerifyJournalAsync(parse, provider, settings, null, ct);
            if (verified != 0)
                await parse.InvocationConfiguration.Error.WriteLineAsync("The backup is restored, but its journal does NOT verify (see above).");
            return verified;
        });
        return restore;
    }
}
