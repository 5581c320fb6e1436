using System.ComponentModel.DataAnnotations;

namespace Kasse.Server.Operations;

/// <summary><c>Kasse:Backup:*</c>: where backups go, how often the server makes one, and how many are kept (docs/operations.md).</summary>
public sealed class BackupOptions
{
    public const string Section = "Kasse:Backup";

    /// <summary>Default: the data folder's <c>backups</c>.</summary>
    public string? Folder { get; set; }

    /// <summary>0 (the default) leaves the server's scheduled backups off; <c>kasse backup</c> and the backup before a migration work either way.</summary>
    [Range(0, 24 * 366, ErrorMessage = "Kasse:Backup:EveryHours must be between {1} (off) and {2}.")]
    public double EveryHours { get; set; }

    /// <summary>The newest this many backups in the folder are kept; older ones are deleted after each scheduled backup.</summary>
    [Range(1, 100_000, ErrorMessage = "Kasse:Backup:Keep must be between {1} and {2}.")]
    public int Keep { get; set; } = 14;
}

/// <summary><c>Kasse:Health:*</c>: what /health/ready asks of the machine.</summary>
public sealed class HealthOptions
{
    public const string Section = "Kasse:Health";

    /// <summary>Below this much free space on the data folder's disk the node is not ready: a full disk stops sales (507).</summary>
    [Range(0, 100_000_000, ErrorMessage = "Kasse:Health:MinFreeDiskMegabytes must be between {1} and {2}.")]
    public long MinFreeDiskMegabytes { get; set; } = 500;
}
