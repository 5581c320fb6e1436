using Kasse.Server.Tests.Infrastructure;
using Kasse.Tests.Printing;

namespace Kasse.Browser.Tests.BackOffice;

/// <summary>
/// The back office's devices page: a manager sets up a register's receipt printer and card terminal and presses
/// Test; the printer emulator (its own process) gets the test slip through the print queue, the terminal simulator answers.
/// </summary>
[Collection(SqliteBrowserCollection.Name)]
public sealed class DevicesPageTests(SqliteBrowserServer server)
{
    [Fact]
    public async Task A_printer_set_up_on_the_devices_page_prints_a_test_slip_and_the_terminal_test_says_it_answers()
    {
        await using var printer = await PrinterEmulatorProcess.StartAsync();
        await using var terminal = await SimulatorProcess.StartAsync(SimulatorProcess.Terminal);
        var register = await server.NewRegisterAsync("Enheder " + Guid.NewGuid().ToString("N")[..6]);
        var page = await server.NewBackOfficePageAsync();
        await page.GotoInteractiveAsync("/backoffice/devices");

        var name = "Testprinter " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByTestId("printer-name").FillAsync(name);
        await page.GetByTestId("printer-address").FillAsync(printer.Address);
        await page.GetByTestId("printer-register").SelectOptionAsync(register.Id.ToString());
        await page.GetByTestId("save-printer").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToHaveTextAsync("Gemt.");
        var row = page.GetByTestId("printer-row").Filter(new() { HasText = name });
        await row.GetByTestId("test-printer").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToHaveTextAsync("En testudskrift er på vej til printeren.");
        var slip = (await printer.WaitForJobsAsync(1))[0];

        var devices = page.Locator($"[data-testid=register-devices][data-register='{register.Id}']");
        await devices.GetByTestId("test-terminal").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error")).ToContainTextAsync("ikke sat nogen kortterminal op");
        await devices.GetByTestId("terminal-url").FillAsync(terminal.Url.ToString());
        await devices.GetByTestId("terminal-poiid").FillAsync("SIM-0001");
        await devices.GetByTestId("save-payment-devices").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToHaveTextAsync("Gemt.");
        await devices.GetByTestId("test-terminal").ClickAsync();
        await Assertions.Expect(devices.GetByTestId("device-check")).ToHaveAttributeAsync("data-answered", "true");
        await Assertions.Expect(devices.GetByTestId("device-check")).ToContainTextAsync("Kortterminal: svarer.");
        await Artifacts.ScreenshotAsync(page, "backoffice-devices");

        Assert.Contains("TESTUDSKRIFT / TEST PRINT", slip);
        Assert.Contains(name, slip);
        Assert.Contains(printer.Address, slip);
        Assert.Contains("[CUT]", slip);
    }
}
