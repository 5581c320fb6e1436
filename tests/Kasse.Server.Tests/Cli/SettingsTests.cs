using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Cli;

/// <summary>
/// A shop owner's typo in appsettings.json or an environment variable stops Kasse at once, with a message that names
/// the setting, before it touches the database — not a crash later in the middle of a sale.
/// </summary>
public sealed class SettingsTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("kasse-settings-").FullName;

    public void Dispose()
    {
        Directory.Delete(_data, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Theory]
    [InlineData("Kasse:Database:Provider", "oracle", "must be sqlite or postgres")]
    [InlineData("Kasse:Webhooks:MaxAttempts", "0", "between 1 and 100")]
    [InlineData("Kasse:Webhooks:FirstRetrySeconds", "soon", "'soon'")]
    [InlineData("Kasse:Security:IdleMinutes", "abc", "'abc'")]
    [InlineData("Kasse:Security:SignInAttemptsPerMinute", "0", "between 1 and")]
    [InlineData("Kasse:Idempotency:KeepDays", "-1", "between")]
    [InlineData("Kasse:Payments:RecoveryIntervalSeconds", "0", "between 1 and 3600")]
    [InlineData("Kasse:Payments:TimeoutSeconds", "9999", "between 1 and 600")]
    [InlineData("Kasse:Payments:Card:Url", "terminal i baglokalet", "absolute URL")]
    [InlineData("Kasse:Fiscal:CertificatePath", "/nowhere/company.p12", "does not exist")]
    [InlineData("Kasse:Receipts:MailFrom", "kasse", "e-mail address")]
    public async Task A_bad_setting_stops_the_server_naming_it_before_the_database_is_made(string setting, string value, string why)
    {
        var result = await KasseProcess.RunAsync("serve", "--urls", "http://127.0.0.1:0", "--data", _data, $"--{setting}={value}");

        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{result.Output}\n{result.Error}");
        Assert.Contains("a setting is wrong", result.Error);
        Assert.Contains(setting, result.Error);
        Assert.Contains(why, result.Error);
        Assert.DoesNotContain("   at ", result.Error); // a message, not a stack trace
        Assert.False(File.Exists(Path.Combine(_data, "kasse.db")), "The database was made although a setting was wrong.");
    }

    [Fact]
    public async Task A_command_reads_the_same_settings_and_refuses_the_same_way()
    {
        var result = await KasseProcess.RunAsync("db", "migrate", "--data", _data, "--database", "oracle");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Kasse:Database:Provider must be sqlite or postgres", result.Error);
        Assert.False(File.Exists(Path.Combine(_data, "kasse.db")));
    }
}
