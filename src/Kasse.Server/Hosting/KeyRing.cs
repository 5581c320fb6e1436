using Kasse.Application.Fiscal;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Kasse.Server.Hosting;

/// <summary>
/// This installation's ASP.NET Core Data Protection key ring: it encrypts the self-signed signing key's private half
/// (and the sign-in cookies). It lives in the data folder beside the database, not in it, so the server after a
/// restart and the command line open what the server protected, while a copy of the database alone cannot sign.
/// Back it up with the database: without it, the self-signed key cannot sign again.
/// </summary>
public static class KeyRing
{
    public const string FolderKey = KeyRingOptions.Section + ":" + nameof(KeyRingOptions.KeysFolder);

    /// <summary>Shared by the server and the command line; with another name they could not read each other's data.</summary>
    public const string ApplicationName = "Kasse";

    public static string Folder(NodeOptions node, KeyRingOptions ring) =>
        ring.KeysFolder is { Length: > 0 } configured ? Path.GetFullPath(configured) : Path.Combine(DatabaseSettings.DataDirectory(node), "keys");

    public static IServiceCollection AddKasseKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        // The folder comes from the validated settings, so it is read when the key ring is first used, not here.
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<NodeOptions>, IOptions<KeyRingOptions>, ILoggerFactory>((options, node, ring, logs) =>
            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Folder(node.Value, ring.Value)), logs));
        services.AddSingleton(sp => new KeyRingLocation(
            Folder(sp.GetRequiredService<IOptions<NodeOptions>>().Value, sp.GetRequiredService<IOptions<KeyRingOptions>>().Value),
            $"{FolderKey} (or --data)"));
        return services;
    }
}
