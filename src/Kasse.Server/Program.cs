using Kasse.Server.Cli;

return await KasseCommandLine.Create().Parse(args).InvokeAsync();
