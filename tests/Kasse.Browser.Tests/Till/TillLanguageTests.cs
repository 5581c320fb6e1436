using Kasse.Application.Demo;
using Kasse.Application.Staff;
using Kasse.Domain.Staff;

namespace Kasse.Browser.Tests.Till;

/// <summary>The server's refusals reach the Danish till in Danish, not in the English the API speaks by default.</summary>
[Collection(SqliteBrowserCollection.Name)]
public sealed class TillLanguageTests(SqliteBrowserServer server)
{
    [Fact]
    public async Task A_wrong_PIN_at_the_till_is_refused_in_Danish()
    {
        // A cashier of their own, so the wrong attempt counts against nobody another test signs in as.
        var name = "Sofie Sprog " + Guid.NewGuid().ToString("N")[..6];
        await server.UseAsync<EmployeeService, EmployeeView>(s =>
            s.CreateAsync(Guid.CreateVersion7(), name, nameof(Role.Cashier), "2468", Kasse.Domain.Languages.Danish, [DemoSeeder.StoreId], false, default));
        var register = await server.NewRegisterAsync("Kasse sprog", drawerOpen: true);
        var page = await server.NewPageAsync(1366, 900);
        var till = new TillPage(page, register.Id);
        await till.OpenAsync();

        await page.Locator($"[data-employee='{name}']").ClickAsync();
        foreach (var digit in "1357")
            await page.Locator($"[data-key='{digit}']").ClickAsync();
        await page.Locator("[data-key=ok]").ClickAsync();

        var refusal = page.Locator(".notice.error[role=alert]");
        await Assertions.Expect(refusal).ToHaveTextAsync("Den PIN-kode er forkert. Prøv igen.");
    }
}
