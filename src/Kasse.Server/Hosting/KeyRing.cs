using Kasse.Application.Fiscal;
using Microsoft.AspNetCore.DataProtection;

namespace Kasse.Server.Hosting;

/// <summary>
/// This installation's ASP.NET Core Data Protection key ring: it encrypts the self-signed signing key's private half
/// (and the sign-in cookies). It lives in the data folder beside the database, not in it, so the server after a
/// restart and the command line open what the server protected, while a copy of the database alone cannot sign.
/// Back it up with the database: without it, the self-signed key cannot sign again.
/// </summary>
public static class KeyRing
{
    public const string FolderKey = "Kasse:DataProtection:KeysFolder";

    /// <summary>Shared by the server and the command line; with another name they could not read each other's data.</summary>
    public const string ApplicationName = "Kasse";

    public static string Folder(IConfiguration configuration) =>
        configuration[FolderKey] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(DatabaseSettings.DataDirectory(configuration), "keys");

    public static IServiceCollection AddKasseKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var folder = Folder(configuration);
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToFileSystem(new DirectoryInfo(folder));
        services.AddSingleton(new KeyRingLocation(folder, $"{FolderKey} (or --data)"));
        return services;
    }
}
