using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kasse.Application.Accounting;
using Kasse.Application.CashControl;
using Kasse.Application.Hosting;
using Kasse.Application.Staff;
using Kasse.Application.Webhooks;
using Kasse.Server.Hosting;
using Kasse.Server.Tests.Accounting;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Server.Tests.Webhooks;
using Kasse.Tests;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kasse.Server.Tests.Hosting;

/// <summary>
/// A copy of the database alone reveals no secret Kasse keeps: webhook secrets and the accounting system's token are
/// encrypted with the key ring (which lives beside the database, not in it), whether saved now or saved in clear by an
/// earlier Kasse and encrypted after the <c>SecretsAtRest</c> migration; and the webhook still signs with its secret.
/// MobilePay keeps no credential in the database (only its address and merchant serial number), so there is none to hide.
/// </summary>
public abstract class SecretsAtRestTests(WebhookServer server)
{
    private readonly KasseClient _api = server.Client();

    /// <summary>Every byte of the database as a copy of it would hold: the SQLite file with its write-ahead log, or every row of the tables with secrets.</summary>
    private async Task<string> RawDatabaseAsync()
    {
        if (server.Provider == DatabaseProvider.Sqlite)
        {
            var raw = new StringBuilder();
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(server.Database.FilePath)!, "kasse.db*"))
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var bytes = new MemoryStream();
                await stream.CopyToAsync(bytes);
                raw.Append(Encoding.UTF8.GetString(bytes.ToArray()));
            }
            return raw.ToString();
        }
        await using var connection = new NpgsqlConnection(server.Database.ConnectionString);
        await connection.OpenAsync();
        var rows = new StringBuilder();
        foreach (var table in new[] { "WebhookSubscriptions", "AccountingConnectors", "SigningKeys" })
        {
            await using var select = new NpgsqlCommand($"SELECT row_to_json(t)::text FROM \"{table}\" t", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.AppendLine(reader.GetString(0));
        }
        return rows.ToString();
    }

    /// <summary>Writes the values in clear, as a Kasse from before the <c>SecretsAtRest</c> migration kept them.</summary>
    private async Task SaveInClearAsync(string url, string secret, string journal, string token)
    {
        const string Webhook = "UPDATE \"WebhookSubscriptions\" SET \"Secret\" = @secret WHERE \"Url\" = @url";
        const string Connector = "UPDATE \"AccountingConnectors\" SET \"Token\" = @token WHERE \"Journal\" = @journal";
        if (server.Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(server.Database.ConnectionString);
            await connection.OpenAsync();
            foreach (var (sql, values) in new[] { (Webhook, new[] { ("@secret", secret), ("@url", url) }), (Connector, [("@token", token), ("@journal", journal)]) })
            {
                await using var command = new SqliteCommand(sql, connection);
                foreach (var (name, value) in values)
                    command.Parameters.AddWithValue(name, value);
                Assert.Equal(1, await command.ExecuteNonQueryAsync());
            }
            return;
        }
        await using var pg = new NpgsqlConnection(server.Database.ConnectionString);
        await pg.OpenAsync();
        foreach (var (sql, values) in new[] { (Webhook, new[] { ("@secret", secret), ("@url", url) }), (Connector, [("@token", token), ("@journal", journal)]) })
        {
            await using var command = new NpgsqlCommand(sql, pg);
            foreach (var (name, value) in values)
                command.Parameters.AddWithValue(name, value);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
    }

    private static string Hmac(string body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    [Fact]
    public async Task The_database_holds_no_webhook_secret_or_accounting_token_in_clear_and_the_webhook_still_signs_with_its_secret()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var secret = "ærø-hemmelighed-" + Guid.NewGuid().ToString("N");
        var token = "regnskab-token-" + Guid.NewGuid().ToString("N");
        var journal = "s" + server.NextNumber();
        var webhook = await KasseClient.Read<RegisteredWebhook>(await _api.PostAsync("/api/v1/webhooks", new { url = receiver.Url.ToString(), secret }));
        try
        {
            var shop = await _api.NewShopAsync();
            await KasseClient.Read<ConnectorView>(await _api.TrySetConnectorAsync(shop.Store.Id, "http://127.0.0.1:9/", journal, token));
            var savedNow = await RawDatabaseAsync();

            // A database from before: the same secrets in clear, encrypted by the step that follows the migration.
            await SaveInClearAsync(receiver.Url.ToString(), secret, journal, token);
            Assert.Contains(secret, await RawDatabaseAsync());
            var encrypted = await DatabaseSetup.ProtectSecretsAsync(server.Services, TestContext.Current.CancellationToken);
            var afterMigration = await RawDatabaseAsync();

            await KasseClient.Read<FraudRuleView>(await _api.SendAsync(HttpMethod.Put, "/api/v1/fraud/rules/NoSaleDrawerOpens", new { threshold = 0m }));
            await KasseClient.Read<SessionView>(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/sessions",
                new OpenSession(Guid.CreateVersion7(), 500m, shop.SupervisorId)));
            var supervisor = await server.SignedInAtAsync(shop.Register.Id, shop.SupervisorId, Shop.SupervisorPin);
            await KasseClient.Read<DrawerOpenedView>(await supervisor.PostAsync($"/api/v1/registers/{shop.Register.Id}/drawer/open", new OpenDrawer(Reason: "Veksle")));
            await KasseClient.Read<object>(await _api.PostAsync($"/api/v1/stores/{shop.Store.Id}/fraud/evaluations", new { }));
            var received = await Eventually.HoldsAsync(() => Task.FromResult(receiver.Requests.ToList()), r => r.Count > 0, "the signed alert at the receiver",
                TimeSpan.FromSeconds(30), r => JsonSerializer.Serialize(r));

            Assert.DoesNotContain(secret, savedNow);
            Assert.DoesNotContain(token, savedNow);
            Assert.Equal(2, encrypted);
            Assert.DoesNotContain(secret, afterMigration);
            Assert.DoesNotContain(token, afterMigration);
            Assert.Contains(SecretProtector.Prefix, afterMigration);
            Assert.Equal(Hmac(received[0].Body, secret), received[0].Signature);
        }
        finally
        {
            await _api.SendAsync(HttpMethod.Delete, $"/api/v1/webhooks/{webhook.Webhook.Id}", null);
        }
    }
}

public sealed class SecretsAtRestOnSqlite(SqliteWebhookServer server) : SecretsAtRestTests(server), IClassFixture<SqliteWebhookServer>;

public sealed class SecretsAtRestOnPostgres(PostgresWebhookServer server) : SecretsAtRestTests(server), IClassFixture<PostgresWebhookServer>;
