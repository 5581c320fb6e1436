using Kasse.Application.Demo;
using Kasse.Application.Staff;
using Kasse.Domain.Staff;

namespace Kasse.Browser.Tests.Staff;

/// <summary>The audit page tells each entry in its reader's language, with the store's local time (the entry keeps English and UTC for the API).</summary>
[Collection(SqliteBrowserCollection.Name)]
public sealed class AuditInReadersLanguageTests(SqliteBrowserServer server)
{
    [Fact]
    public async Task A_time_clock_correction_reads_in_Danish_with_Copenhagen_time()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var name = "Revision " + unique;
        var reason = "Glemt stempling " + unique;
        var employee = await server.UseAsync<EmployeeService, Guid>(async s => (await s.CreateAsync(Guid.CreateVersion7(), name, nameof(Role.Cashier), "1357",
            Kasse.Domain.Languages.Danish, [DemoSeeder.StoreId], false, CancellationToken.None)).Id);
        // 07:00 UTC on a winter Monday is 08:00 in Copenhagen.
        await server.UseAsync<TimeClockService, PunchView>(s => s.AddMissingAsync(employee, PunchKind.ClockIn,
            new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero), reason, CancellationToken.None));

        var page = await server.NewOwnerPageAsync();
        await page.GotoInteractiveAsync("/backoffice/audit");
        await page.GetByTestId("filter-action").SelectOptionAsync(nameof(AuditAction.TimeClockCorrected));
        await page.GetByTestId("filter-text").FillAsync(unique);
        await page.GetByTestId("audit-search").ClickAsync();

        var row = page.GetByTestId("audit-table").Locator("tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync($"Tilføjede en manglende indstempling for {name} kl. 02.03.2026 08.00: {reason}.");
        await Assertions.Expect(row).Not.ToContainTextAsync("UTC");
        await Artifacts.ScreenshotAsync(page, "backoffice-audit-danish");
    }
}
