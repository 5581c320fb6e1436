namespace Kasse.Browser.Tests.Infrastructure;

/// <summary>Screenshots for a reviewer, written under the test output folder (never committed).</summary>
public static class Artifacts
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
