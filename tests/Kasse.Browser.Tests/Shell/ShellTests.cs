using System.Net;

namespace Kasse.Browser.Tests.Shell;

[Collection(SqliteBrowserCollection.Name)]
public sealed class ShellTests(SqliteBrowserServer server)
{
    [Fact]
    public async Task The_start_page_offers_the_registers_in_Danish_and_switches_to_English_on_request()
    {
        var register = await server.NewRegisterAsync("Kasse Sprog");
        var page = await server.NewPageAsync();

        await page.GotoInteractiveAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Vælg en kasse");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Kasse Sprog" })).ToHaveAttributeAsync("href", $"/till/{register.Id}");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "da");

        await page.Locator("[data-lang=en]").ClickAsync();
        await page.Locator("[data-interactive=true]").First.WaitForAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Choose a register");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back office" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_api_keeps_answering_problem_json_and_its_reference_pages_next_to_the_ui()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var missing = await http.GetAsync("/api/v1/no-such-thing", TestContext.Current.CancellationToken);
        var openApi = await http.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var ui = await http.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.Contains("_framework/blazor.web.js", ui);
    }
}
