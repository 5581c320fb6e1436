using Kasse.Server.Cli;
using Kasse.Server.Hosting;

try
{
    // Our own handler below for settings; anything else still ends as the runtime reports it, with exit code != 0.
    return await KasseCommandLine.Create().Parse(args).InvokeAsync(new System.CommandLine.InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (SchemaNewerThanKasseException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return SchemaNewerThanKasseException.ExitCode;
}
catch (Kasse.Server.Operations.BackupException e)
{
    // The backup before a migration failed, so nothing was migrated.
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}
catch (Exception e) when (KasseOptions.Describe(e) is { } problem)
{
    await Console.Error.WriteLineAsync("Kasse cannot start because a setting is wrong:\n" + problem);
    return 2;
}
