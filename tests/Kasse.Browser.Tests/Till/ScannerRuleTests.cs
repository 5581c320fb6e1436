namespace Kasse.Browser.Tests.Till;

/// <summary>
/// The scanner's keystroke-burst rule (wwwroot/scanner.js, which till.js feeds the keyboard) with synthetic timings: the
/// rule's pure functions run in the browser as the till loads them, given keys and time stamps made up here, so no test
/// depends on how fast the machine types.
/// </summary>
[Collection(SqliteBrowserCollection.Name)]
public sealed class ScannerRuleTests(SqliteBrowserServer server)
{
    private const string Ean = "5704312418755";

    /// <summary>Key presses: each digit of <paramref name="code"/> <paramref name="everyMs"/> apart from <paramref name="startMs"/>, then Enter after <paramref name="enterAfterMs"/>.</summary>
    private static List<object> Burst(string code, double everyMs, double startMs = 1000, double? enterAfterMs = null)
    {
        var presses = code.Select((digit, i) => (object)new { key = digit.ToString(), time = startMs + i * everyMs }).ToList();
        presses.Add(new { key = "Enter", time = startMs + (code.Length - 1) * everyMs + (enterAfterMs ?? everyMs) });
        return presses;
    }

    private async Task<string[]> ScansInAsync(IEnumerable<object> presses)
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/backoffice/sign-in");
        return await page.EvaluateAsync<string[]>(
            "async presses => (await import('/scanner.js')).scansIn(presses)", presses.ToArray());
    }

    public static TheoryData<string, double, bool> Paces() => new()
    {
        { "a scanner, 5 ms a key", 5, true },
        { "a slow wireless scanner, 30 ms a key", 30, true },
        { "exactly the limit, 80 ms a key", 80, true },
        { "just over the limit, 81 ms a key", 81, false },
        { "a fast typist, 150 ms a key", 150, false },
    };

    [Theory]
    [MemberData(nameof(Paces))]
    public async Task Thirteen_digits_and_Enter_are_a_scan_only_at_a_scanners_pace(string who, double everyMs, bool scanned)
    {
        var scans = await ScansInAsync(Burst(Ean, everyMs));
        Assert.True(scanned == (scans.Length == 1), $"{who}: read {scans.Length} scans");
        if (scanned)
            Assert.Equal(Ean, scans[0]);
    }

    [Fact]
    public async Task Fewer_than_six_digits_are_typed_however_fast()
    {
        Assert.Empty(await ScansInAsync(Burst("12345", 3)));
        Assert.Equal(["123456"], await ScansInAsync(Burst("123456", 3)));
    }

    [Fact]
    public async Task One_held_back_key_inside_a_fast_burst_still_makes_a_scan()
    {
        // 5 ms a key, but the seventh digit came 200 ms late (a busy page): the average stays well under 80 ms.
        var presses = Ean.Select((digit, i) => (object)new { key = digit.ToString(), time = 1000 + i * 5 + (i >= 6 ? 200 : 0) }).ToList();
        presses.Add(new { key = "Enter", time = 1000 + 12 * 5 + 200 + 5 });
        Assert.Equal([Ean], await ScansInAsync(presses));
    }

    [Fact]
    public async Task A_pause_longer_than_the_gap_starts_the_burst_again()
    {
        // "999" typed by hand, a 400 ms pause, then the scanner's burst: only the burst is the code.
        var presses = new List<object> { new { key = "9", time = 0 }, new { key = "9", time = 150 }, new { key = "9", time = 300 } };
        presses.AddRange(Burst(Ean, 5, startMs: 700));
        Assert.Equal([Ean], await ScansInAsync(presses));
    }

    [Fact]
    public async Task Enter_long_after_the_last_digit_is_not_a_scan()
    {
        Assert.Empty(await ScansInAsync(Burst(Ean, 5, enterAfterMs: 251)));
        Assert.Equal([Ean], await ScansInAsync(Burst(Ean, 5, enterAfterMs: 250)));
    }

    [Fact]
    public async Task Any_other_key_inside_the_burst_ends_it()
    {
        var presses = Burst(Ean, 5);
        presses.Insert(7, new { key = "a", time = 1000 + 6 * 5 + 2 });
        // After the letter only six digits remain, 5 ms apart: those are read, the first seven are not.
        Assert.Equal([Ean[7..]], await ScansInAsync(presses));
    }

    [Fact]
    public async Task Two_scans_in_a_row_are_two_codes()
    {
        var presses = Burst(Ean, 5);
        presses.AddRange(Burst("5708066750475", 5, startMs: 1200));
        Assert.Equal([Ean, "5708066750475"], await ScansInAsync(presses));
    }
}
