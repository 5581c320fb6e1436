using System.Net;
using System.Net.Http.Json;
using Kasse.Application.Staff;
using Kasse.Domain.Staff;
using Kasse.Server.Api;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Staff;

/// <summary>
/// An attacker who fires many guesses at once gets no more checked than one who guesses in turn: each lockout lets
/// exactly its free attempts be verified, and the rest are refused as locked without their secret being looked at.
/// (The shared test server's per-address sign-in rate limit is set high, so the lockout itself is what answers.)
/// </summary>
public abstract class ConcurrentGuessTests(KasseServer server)
{
    private const int Parallel = 64;
    private readonly KasseClient _api = server.Client();

    private async Task<List<AuditEndpoints.AuditEntryView>> AuditAsync(string query) =>
        (await _api.Http.GetFromJsonAsync<List<AuditEndpoints.AuditEntryView>>("/api/v1/audit?take=500&" + query, KasseClient.Json))!;

    /// <summary>Sends all the guesses at once (each on the thread pool, released together) and returns each answer's problem code.</summary>
    private static async Task<List<string>> FireAtOnceAsync(Func<Task<HttpResponseMessage>> guess)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var guesses = Enumerable.Range(0, Parallel).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            using var response = await guess();
            var problem = await KasseClient.Problem(response, HttpStatusCode.Forbidden);
            return problem.GetProperty("code").GetString()!;
        })).ToList();
        start.SetResult();
        return [.. await Task.WhenAll(guesses)];
    }

    private static void AssertExactlyTheFreeAttemptsWereChecked(List<string> codes, string checkedCode, string lockedCode)
    {
        Assert.Equal(SignInLockout.FreeAttempts, codes.Count(c => c == checkedCode));
        Assert.Equal(Parallel - SignInLockout.FreeAttempts, codes.Count(c => c == lockedCode));
    }

    [Fact]
    public async Task Sixty_four_wrong_till_PINs_at_once_get_exactly_five_checked_and_the_right_PIN_is_then_refused()
    {
        var shop = await _api.NewShopAsync();
        var till = server.AnonymousClient();
        var signIn = $"/api/v1/registers/{shop.Register.Id}/sign-in";

        var codes = await FireAtOnceAsync(() => till.PostAsync(signIn, new { employeeId = shop.CashierId, pin = "9999" }));
        var rightPin = await till.PostAsync(signIn, new { employeeId = shop.CashierId, pin = "1111" });

        AssertExactlyTheFreeAttemptsWereChecked(codes, "employee.sign-in-failed", "employee.locked-out");
        await KasseClient.Problem(rightPin, HttpStatusCode.Forbidden, "employee.locked-out");
        var failures = await AuditAsync($"subject={shop.CashierId}&action=SignInFailed");
        Assert.Equal(SignInLockout.FreeAttempts, failures.Count(f => f.Detail.StartsWith("Wrong PIN", StringComparison.Ordinal)));
        Assert.Equal(Enumerable.Range(1, SignInLockout.FreeAttempts).Select(n => $"({n} in a row)."),
            failures.Where(f => f.Detail.StartsWith("Wrong PIN", StringComparison.Ordinal)).Select(f => f.Detail[f.Detail.IndexOf('(')..]).Order());
        Assert.Single(await AuditAsync($"subject={shop.CashierId}&action=LockedOut"));
        Assert.Empty(await AuditAsync($"subject={shop.CashierId}&action=SignedIn"));
    }

    [Fact]
    public async Task Sixty_four_wrong_back_office_passwords_at_once_get_exactly_five_checked_and_the_right_password_is_then_refused()
    {
        var shop = await _api.NewShopAsync();
        var userName = $"aase{server.NextNumber()}";
        await KasseClient.Read<EmployeeView>(await _api.SendAsync(HttpMethod.Patch, $"/api/v1/employees/{shop.SupervisorId}",
            new { userName, password = "korrekt hest batteri" }));
        var browser = server.AnonymousClient();

        var codes = await FireAtOnceAsync(() => browser.PostAsync("/api/v1/auth/sign-in", new { userName, password = "forkert hest batteri" }));
        var rightPassword = await browser.PostAsync("/api/v1/auth/sign-in", new { userName, password = "korrekt hest batteri" });

        AssertExactlyTheFreeAttemptsWereChecked(codes, "employee.sign-in-failed", "employee.locked-out");
        await KasseClient.Problem(rightPassword, HttpStatusCode.Forbidden, "employee.locked-out");
        var failures = await AuditAsync($"subject={shop.SupervisorId}&action=SignInFailed");
        Assert.Equal(SignInLockout.FreeAttempts, failures.Count(f => f.Detail.StartsWith("Wrong password", StringComparison.Ordinal)));
        Assert.Single(await AuditAsync($"subject={shop.SupervisorId}&action=LockedOut"));
    }

    [Fact]
    public async Task Sixty_four_wrong_approval_PINs_at_once_get_exactly_five_checked_and_the_right_PIN_is_then_refused()
    {
        var shop = await _api.NewShopAsync();
        var drawer = $"/api/v1/registers/{shop.Register.Id}/drawer/open";
        await KasseClient.Read<object>(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/sessions", new { id = Guid.CreateVersion7(), openingFloat = 500m }));
        // The cashier asks at the till (a PIN session): a no-sale needs a supervisor's approval.
        var till = server.SessionClient();
        await KasseClient.Read<EmployeeView>(await till.PostAsync($"/api/v1/registers/{shop.Register.Id}/sign-in", new { employeeId = shop.CashierId, pin = "1111" }));

        var codes = await FireAtOnceAsync(() => till.PostAsync(drawer, new { reason = "Byttepenge", approval = new Approval(shop.SupervisorId, "0000") }));
        var rightPin = await till.PostAsync(drawer, new { reason = "Byttepenge", approval = new Approval(shop.SupervisorId, Shop.SupervisorPin) });

        AssertExactlyTheFreeAttemptsWereChecked(codes, "permission.approval-invalid", "permission.approval-locked");
        await KasseClient.Problem(rightPin, HttpStatusCode.Forbidden, "permission.approval-locked");
        Assert.Empty(await AuditAsync($"subject={shop.Register.Id}&action=DrawerOpened"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ConcurrentGuessesOnSqlite(SqliteServer server) : ConcurrentGuessTests(server);

[Collection(PostgresCollection.Name)]
public sealed class ConcurrentGuessesOnPostgres(PostgresServer server) : ConcurrentGuessTests(server);
